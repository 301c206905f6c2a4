package ner

import "github.com/bylinehq/byline/extract/internal/nlp"

// Word lists shared by the sequence model's gazetteer features and the
// rule layer in package extract. They are written by hand from general
// knowledge for English news, not for any particular article, and are the
// project's own work under its licence.

// Honorifics are forms of address that belong to a name as written ("Mr
// Basu", "Sir Kim Darroch"). They stay in Entity.Text and are stripped from
// the canonical name.
var Honorifics = nlp.Words(`Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Mx|Dr|Dr.|Sir|Dame|Lord|Lady|
	Baroness|Baron|Prof|Prof.|Professor|Rev|Rev.|Revd|Reverend|Mme|Mlle|Herr|Frau|Messrs`)

// TitleHeads are job titles and ranks that mark the name after them as a
// person ("Assistant Commissioner Neil Basu", "minister Damian Green",
// "US President Donald Trump"). They are context, not part of the name.
var TitleHeads = nlp.Words(`President|President-elect|Vice-President|Minister|Secretary|
	Secretary-General|Commissioner|Chancellor|Governor|Gov.|Senator|Sen.|Rep.|
	Representative|Congressman|Congresswoman|Mayor|Ambassador|Chairman|Chairwoman|
	Chancellor|Director|Director-General|Inspector|Sergeant|Sgt|Sgt.|Constable|
	Superintendent|Detective|Judge|Justice|General|Gen.|Colonel|Col.|Captain|Capt.|
	Lieutenant|Lt|Lt.|Admiral|Commander|Marshal|Pope|Cardinal|Bishop|Archbishop|
	Premier|
	Spokesman|Spokeswoman|Spokesperson|Prosecutor|Attorney|Councillor|Cllr|
	Officer|Leader|Coach|Manager|Chief|Speaker|Deputy|MP|MEP|MSP|AM|MLA|PM|CEO|
	Chair|Founder|Editor|Correspondent|Economist|Analyst|Envoy|Whip|Sheriff|Marshal|Taoiseach|Chancellor`)

// OrgHeads end organisation names ("Metropolitan Police", "Home Office",
// "Labour Party", "Acme Ltd"). A span of two or more capitalised words
// ending in one is an organisation.
var OrgHeads = nlp.Words(`Police|Office|Command|Ministry|Department|Party|Council|Commission|
	Committee|University|College|School|Academy|Institute|Institution|Service|
	Services|Agency|Court|Bank|Corporation|Corp|Corp.|Inc|Inc.|Ltd|Ltd.|Limited|
	plc|PLC|LLC|LLP|Co|Co.|Company|Group|Association|Federation|Union|League|
	Society|Foundation|Trust|Authority|Board|Bureau|Organisation|Organization|
	Army|Navy|Force|Forces|Guard|Parliament|Assembly|Congress|Senate|Cabinet|
	Government|Administration|Church|Club|FC|United|Airlines|Airways|Motors|
	Network|Press|Times|Post|Journal|Herald|Tribune|Gazette|Chronicle|Mail|
	Telegraph|Guardian|Express|Mirror|Standard|Observer|Independent|News|
	Broadcasting|Radio|Television|TV|Records|Studios|Pictures|Systems|
	Technologies|Industries|Holdings|Partners|Brigade|Regiment|Division|Unit|
	Squad|Tribunal|Secretariat|Alliance|Coalition|Movement|Front|Labs|
	Laboratory|Laboratories|Hospital|Patrol|Museum|Executive|Treasury|Commons|
	Inquiry|Exchange|Reserve|Fund|Institutes|Centre|Center|Council|Watch|
	Initiative|Project|Campaign|Network|Media|Magazine|Review|Records|Group`)

// Places is a gazetteer of countries (the English short names of UN member
// and observer states and a few territories, with common alternatives),
// continents and regions, the four UK nations, US states, and capitals and
// other cities of over about two million people or frequent in English
// news. Written by hand from general knowledge; demonyms ("British") are
// deliberately absent, since they are not places.
var Places = nlp.Words(`
	Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|
	Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|
	Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|
	Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Cabo Verde|
	Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|
	Democratic Republic of Congo|Democratic Republic of the Congo|Republic of Congo|
	Costa Rica|Ivory Coast|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|
	Djibouti|Dominica|Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|
	El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|
	Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|
	Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|
	Iraq|Ireland|Republic of Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|
	Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|
	Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|
	Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|
	Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|
	Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|
	North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
	Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|
	Russia|Russian Federation|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|
	Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
	Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|
	Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|
	Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|
	Ukraine|United Arab Emirates|United Kingdom|Britain|Great Britain|
	United States|United States of America|America|Uruguay|Uzbekistan|Vanuatu|
	Vatican|Vatican City|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Korea|
	Greenland|Puerto Rico|Hong Kong|Macau|Gaza|Gaza Strip|West Bank|Crimea|
	Tibet|Xinjiang|Kashmir|Chechnya|Catalonia|Kurdistan|Gibraltar|Bermuda|
	Falkland Islands|Falklands|Guam|Tahiti|Corsica|Sicily|Sardinia|Bali|Java|
	Sumatra|Borneo|Tasmania|Siberia|Patagonia|Balkans|Caucasus|Scandinavia|
	Africa|Antarctica|Asia|Europe|North America|South America|Latin America|
	Central America|Oceania|Middle East|Near East|Far East|Arctic|Caribbean|
	Mediterranean|Pacific|Atlantic|Sahara|Sahel|Amazon|Himalayas|Alps|
	England|Scotland|Wales|Northern Ireland|
	Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|
	Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|
	Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|
	Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|
	North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
	South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Washington|
	Wisconsin|Wyoming|
	London|Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|
	Belfast|Bristol|Sheffield|Newcastle|Nottingham|Oxford|Cambridge|Brighton|
	Dublin|Paris|Berlin|Madrid|Barcelona|Rome|Milan|Naples|Lisbon|Amsterdam|
	Brussels|Vienna|Prague|Warsaw|Budapest|Bucharest|Sofia|Athens|Istanbul|
	Ankara|Moscow|Saint Petersburg|St Petersburg|Kiev|Kyiv|Minsk|Stockholm|Oslo|
	Copenhagen|Helsinki|Geneva|Zurich|Munich|Hamburg|Frankfurt|Cologne|Marseille|
	Lyon|Tehran|Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Amman|Riyadh|Jeddah|
	Mecca|Dubai|Abu Dhabi|Doha|Kabul|Islamabad|Karachi|Lahore|Delhi|New Delhi|
	Mumbai|Kolkata|Chennai|Bangalore|Bengaluru|Hyderabad|Dhaka|Kathmandu|
	Colombo|Bangkok|Hanoi|Ho Chi Minh City|Jakarta|Manila|Kuala Lumpur|
	Beijing|Shanghai|Guangzhou|Shenzhen|Wuhan|Chongqing|Tianjin|Chengdu|Taipei|
	Tokyo|Osaka|Kyoto|Seoul|Pyongyang|Sydney|Melbourne|Brisbane|Perth|Adelaide|
	Auckland|Wellington|Cairo|Alexandria|Lagos|Abuja|Nairobi|Addis Ababa|
	Khartoum|Kinshasa|Johannesburg|Cape Town|Pretoria|Durban|Casablanca|Rabat|
	Algiers|Tunis|Tripoli|Accra|Dakar|Luanda|Harare|Kampala|Mogadishu|
	Washington DC|Washington D.C.|Los Angeles|Chicago|Houston|Phoenix|
	Philadelphia|San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|
	Miami|Atlanta|Detroit|Denver|Las Vegas|New Orleans|Baltimore|Pittsburgh|
	Toronto|Montreal|Vancouver|Ottawa|Mexico City|Havana|Bogota|Bogotá|Lima|
	Caracas|Quito|Santiago|Buenos Aires|Montevideo|Sao Paulo|São Paulo|
	Rio de Janeiro|Brasilia|Brasília|La Paz|Yekaterinburg|
	Novosibirsk|Vladivostok|Aleppo|Homs|Mosul|Basra|Kandahar|Gaza City|
	Westminster|Hong Kong|Singapore|Ulster|Yorkshire|Lancashire|
	Kent|Essex|Surrey|Sussex|Cornwall|Devon|Cumbria|Merseyside|Midlands|
	Home Counties`)

// GivenNames are common given names in English-language news, written by
// hand from general knowledge of frequent English and international first
// names. A run of two or more capitalised words starting with one is a
// person ("Theresa May") when nothing else says otherwise.
var GivenNames = nlp.Words(`
	Aaron|Adam|Adrian|Alan|Albert|Alex|Alexander|Alexandra|Alexis|Alice|Alison|Amanda|Amber|
	Amy|Andrea|Andrew|Andy|Angela|Angus|Ann|Anna|Anne|Anthony|Antonio|Arthur|Ashley|Barack|
	Barbara|Ben|Benjamin|Bernard|Bernie|Beth|Betty|Bill|Bob|Boris|Brad|Brandon|Brenda|Brian|
	Bruce|Carl|Carlos|Carol|Caroline|Catherine|Charles|Charlie|Charlotte|Chris|Christian|
	Christina|Christine|Christopher|Claire|Clare|Colin|Craig|Cynthia|Daniel|Danny|David|
	Dan|Deborah|Debbie|Dennis|Diana|Diane|Dominic|Donald|Donna|Dorothy|Douglas|Ed|Edward|
	Elizabeth|Ellen|Emily|Emma|Emmanuel|Eric|Fiona|Frank|Fred|Gary|Gavin|George|Gordon|Graham|
	Greg|Gregory|Harold|Harry|Heather|Helen|Henry|Hillary|Ian|Isabel|Jack|Jacob|James|
	Jane|Janet|Jason|Jean|Jeff|Jeffrey|Jennifer|Jeremy|Jerry|Jessica|Jim|Jo|Joan|Joe|John|
	Johnny|Jon|Jonathan|Jose|Joseph|Joshua|Joyce|Juan|Judith|Julia|Julie|Justin|Karen|Kate|
	Katherine|Kathleen|Keith|Kelly|Ken|Kenneth|Kevin|Kim|Kimberly|Larry|Laura|Lauren|Leo|
	Linda|Lisa|Liz|Louise|Lucy|Luis|Margaret|Maria|Marie|Mark|Martin|Mary|Matt|Matthew|
	Melissa|Michael|Michelle|Mike|Nancy|Natalie|Neil|Nicholas|Nick|Nicola|Nicole|Nigel|
	Oliver|Pamela|Patricia|Patrick|Paul|Peter|Philip|Phil|Priti|Rachel|Ralph|Raymond|
	Rebecca|Richard|Rishi|Robert|Roger|Ronald|Rose|Ruth|Ryan|Sajid|Sam|Samuel|Sandra|Sara|
	Sarah|Scott|Sean|Sharon|Simon|Sophie|Stephanie|Stephen|Steve|Steven|Stuart|Susan|Tara|
	Theresa|Thomas|Tim|Timothy|Tom|Tony|Tyler|Victoria|Vince|Virginia|Walter|Wayne|William|
	Yvette|Zac|Zoe|Vladimir|Angela|Emmanuel|Justin|Narendra|Recep|Benjamin|Xi|Jacinda|
	Olaf|Giorgia|Pedro|Mohammed|Muhammad|Ahmed|Ali|Omar|Hassan|Ibrahim|Fatima|Sergei|Dmitry|
	Alexei|Ivan|Igor|Yuri|Olga|Natalia|Hans|Klaus|Jens|Lars|Pierre|Jacques|Francois|
	François|Marine|Giuseppe|Marco|Matteo|Carlo|Jair|Luiz|Kamala|Joe|Nikki|Ron|Marco|Ted|Rand|
	Chuck|Mitch|Nancy|Kevin|Elon|Mark|Jeff|Tim|Sundar|Satya|Warren|Kanye|Taylor`)
