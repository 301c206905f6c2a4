package extract

import "strings"

// Word lists behind the entity rules. They are written by hand for English
// news in general, not for any particular article.

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Split(words, "|") {
		if w = strings.TrimSpace(w); w != "" {
			m[w] = true
		}
	}
	return m
}

// honorifics are forms of address that belong to a name as written ("Mr
// Basu", "Sir Kim Darroch"). They stay in Entity.Text and are stripped from
// the canonical name.
var honorifics = set(`Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Mx|Dr|Dr.|Sir|Dame|Lord|Lady|
	Baroness|Baron|Prof|Prof.|Professor|Rev|Rev.|Revd|Reverend|Mme|Mlle|Herr|Frau|Messrs`)

// firstNameHonorifics are honorifics followed by a first name when used
// alone: British knights and dames ("Sir Kim" is Sir Kim Darroch).
var firstNameHonorifics = set(`Sir|Dame`)

// titleHeads are job titles and ranks that mark the name after them as a
// person ("Assistant Commissioner Neil Basu", "minister Damian Green",
// "US President Donald Trump"). They are context, not part of the name.
var titleHeads = set(`President|President-elect|Vice-President|Minister|Secretary|
	Secretary-General|Commissioner|Chancellor|Governor|Gov.|Senator|Sen.|Rep.|
	Representative|Congressman|Congresswoman|Mayor|Ambassador|Chairman|Chairwoman|
	Chancellor|Director|Director-General|Inspector|Sergeant|Sgt|Sgt.|Constable|
	Superintendent|Detective|Judge|Justice|General|Gen.|Colonel|Col.|Captain|Capt.|
	Lieutenant|Lt|Lt.|Admiral|Commander|Marshal|Pope|Cardinal|Bishop|Archbishop|
	Premier|
	Spokesman|Spokeswoman|Spokesperson|Prosecutor|Attorney|Councillor|Cllr|
	Officer|Leader|Coach|Manager|Chief|Speaker|Deputy|MP|MEP|MSP|AM|MLA|PM|CEO|
	Chair|Founder|Editor|Correspondent|Economist|Analyst|Envoy|Whip|Sheriff|Marshal|Taoiseach|Chancellor`)

// titleModifiers qualify a title ("Prime Minister", "Home Secretary") and
// are dropped with it.
var titleModifiers = set(`Prime|Foreign|Home|Deputy|Assistant|Vice|Shadow|Chief|
	Acting|Former|Interim|Senior|Junior|First|Permanent|Under|Lord|Executive|Head|
	Detective|Principal|Special|Lead|Managing|General|Majority|Minority`)

// royalStyles begin the names of royals and religious leaders and stay in
// the canonical name ("Prince Harry", "Pope Francis").
var royalStyles = set(`King|Queen|Prince|Princess|Duke|Duchess|Pope|Emperor|Empress|Sheikh|Crown Prince`)

// roleNouns are lowercase words that, right before a capitalised name,
// say it is a person ("minister Damian Green", "his wife Melania").
var roleNouns = set(`president|minister|secretary|commissioner|chancellor|governor|
	senator|mayor|ambassador|chairman|chairwoman|director|inspector|sergeant|
	detective|judge|spokesman|spokeswoman|spokesperson|leader|prosecutor|
	attorney|lawyer|barrister|solicitor|actor|actress|singer|writer|author|
	journalist|reporter|editor|presenter|host|coach|manager|player|striker|
	captain|officer|constable|superintendent|colleague|wife|husband|son|
	daughter|brother|sister|father|mother|widow|partner|boss|founder|
	economist|analyst|professor|doctor|MP|MPs|mp|councillor|chief|deputy|
	predecessor|successor|counterpart|envoy|chair|premier|king|queen|prince|
	princess|pope|dr|mr|mrs|ms|sir`)

// postNominals follow a person's name ("Damian Green MP") and are not part
// of it.
var postNominals = set(`MP|MEP|MSP|AM|MLA|QC|KC|OBE|MBE|CBE|KBE|DBE|Jr|Jr.|Sr|Sr.|PhD`)

// saidVerbs follow a speaker; an otherwise unknown name of two or more
// words right before one is a person.
var saidVerbs = set(`said|says|told|added|explained|insisted|wrote|tweeted|
	argued|claimed|warned|stated|replied|admitted|denied|announced`)

// orgHeads end organisation names ("Metropolitan Police", "Home Office",
// "Labour Party", "Acme Ltd"). A span of two or more capitalised words
// ending in one is an organisation.
var orgHeads = set(`Police|Office|Command|Ministry|Department|Party|Council|Commission|
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

// theOrgs name an organisation on their own after "the": publications
// ("The Times", "the Guardian") and common short forms ("the Met").
var theOrgs = set(`Times|Post|Journal|Herald|Tribune|Gazette|Chronicle|Mail|Telegraph|
	Guardian|Express|Mirror|Standard|Observer|Independent|Economist|Sun|Star|
	Spectator|Atlantic|Register|Scotsman|Age|Hindu|Met`)

// ofHeads may be followed by "of"/"for" inside a name ("Bank of England",
// "Department for Education", "House of Commons", "University of Oxford").
var ofHeads = set(`Office|Ministry|Department|Council|Commission|Committee|University|
	College|School|Academy|Institute|Service|Agency|Court|Bank|Corporation|
	Association|Federation|Union|League|Society|Foundation|Trust|Authority|
	Board|Bureau|Organisation|Organization|Church|House|Chamber|Museum|Party|
	Republic|Kingdom|States|Isle|Isles|Island|Islands|City|Province|Gulf|Bay|
	Cape|Sea|Strait|Straits|Emirates|Federated|Commonwealth|Secretariat|Army|
	Guard|Centre|Center|Hospital|Friends|Order|Fund|Exchange|Chamber|Port|Movement|Alliance|Front`)

// placeHeads end place names ("Downing Street", "Hyde Park").
var placeHeads = set(`Street|Road|Avenue|Lane|Square|River|Mountains|Island|Islands|Isles|
	Bay|Sea|Ocean|Gulf|Valley|County|Province|City|Town|Village|District|
	Region|Park|Airport|Station|Bridge|Beach|Peninsula|Desert|Coast|Strait|
	Canal|Heights|Hills|Forest|Falls|Kingdom|Republic|States|Emirates|Territory|
	Territories|Highlands|Lowlands|Borough|Shire|Harbour|Harbor|Port|Reef`)

// placeStarts begin place names ("Mount Everest", "Lake Geneva").
var placeStarts = set(`Mount|Lake|Cape|Fort|Port|Isle|Gulf|Bay|River`)

// directionWords qualify a known place ("Northern Ireland", "South Korea"
// are in the gazetteer; "North London", "western Syria" are not).
var directionWords = set(`North|South|East|West|Northern|Southern|Eastern|Western|Central|
	Greater|Upper|Lower|Inner|Outer|North-East|North-West|South-East|South-West|
	Northeast|Northwest|Southeast|Southwest`)

// placeAcronyms are all-capital abbreviations of places; every other
// acronym is taken for an organisation.
var placeAcronyms = set(`UK|US|USA|U.S.|U.S.A.|U.K.|UAE|DRC|NYC|GB|USSR|PRC|ROK|DPRK|NI|
	NZ|HK|LA|DC|D.C.`)

// notEntityAcronyms are capitalised abbreviations that name no entity.
var notEntityAcronyms = set(`I|A|OK|TV|CEO|CFO|COO|CTO|MP|MPs|MEP|MEPs|PM|AM|QC|KC|GDP|CCTV|
	DNA|HIV|AIDS|COVID|COVID-19|ID|IT|PR|UFO|VIP|LGBT|LGBTQ|FAQ|BST|GMT|EST|EDT|
	PST|PDT|CET|UTC|AD|BC|CE|BCE|PhD|MBE|OBE|CBE|KBE|DBE|AGM|IPO|USD|GBP|EUR|
	SUV|PS|NB|RIP|ICU|IVF|MRI|GP|GPs|PC|DC|DI|DCI|DS|DJ|MC|RSS|URL|PDF|AI|
	A.M.|P.M.|HM|GCSE|GCSEs|LOL|OMG|FYI|ASAP|ETA|SMS|GPS|HQ|EP|LP|CD|DVD|PIN|ATM|VAT|
	NB|PPE|RT|VR|PM2|EV|EVs|API|CPU|IQ|PE|R&B|TBC|TBA|MPH|KM|MW|GW|SOS|
	CV|CVs|HR|UV|XL|VS|V|II|III|IV|VI|VII|VIII|IX|X|XI|XII`)

// notStarters are capitalised words that begin sentences or headlines but
// name nothing. prose tags some of them as proper nouns.
var notStarters = set(`The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|
	Their|Our|My|Your|In|On|At|For|But|And|Or|If|When|While|After|Before|As|
	So|Yet|However|Meanwhile|There|Here|What|Why|How|Who|Where|Which|Some|
	Many|Most|All|Both|Each|Every|No|Not|One|Two|Three|Also|Although|Though|
	Despite|Since|Until|During|Following|According|Speaking|Asked|Earlier|
	Later|Now|Today|Yesterday|Tomorrow|Last|Next|Other|Others|Such|Several|
	Another|Police|Officers|Ministers|Officials|Sources|Critics|Supporters|
	Residents|Rescuers|Witnesses|Experts|Investigators|Authorities|Prosecutors|
	Lawyers|Doctors|Scientists|Researchers|Analysts|Reports|Read|Watch|Click|
	Follow|Share|Sign|Advertisement|Photo|Picture|Image|Video|Getty|Please|
	Do|Does|Did|Is|Are|Was|Were|Be|Been|Has|Have|Had|Will|Would|Can|Could|
	Should|May|Might|Must|Let|Yes|Well|Oh|Thank|Thanks|Dear|Just|Only|Even|
	Still|Instead|Indeed|Perhaps|Maybe|Then|Thus|Hence|Therefore|Overall|
	Under|Over|From|With|Without|Within|Into|About|Between|Among|Against|By|
	Of|To|Up|Out|Off|Down|Why|Whether|Once|Because|Unlike|Like|Amid|Despite|
	New|Old|Big|Small|Former|Current|Breaking|Update|Updated|Exclusive|
	Analysis|Comment|Opinion|Editorial|Live|Latest|More|Less|Few|Much|Any`)

// calendarWords are capitalised but name no entity; they may continue a
// name ("Theresa May", "Mail on Sunday") but never start one.
var calendarWords = set(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|
	February|March|April|May|June|July|August|September|October|November|
	December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Christmas|Easter|
	Ramadan|Eid|Diwali|Hanukkah|Thanksgiving|Halloween|Lent`)

// nameParticles join parts of personal names ("Ursula von der Leyen",
// "Bashar al-Assad" is one token, "Osama bin Laden").
var nameParticles = set(`de|van|von|der|den|da|di|du|la|le|del|della|bin|ibn|al|el|ben|dos|das|y`)

// places is a gazetteer of countries (the English short names of UN member
// and observer states and a few territories, with common alternatives),
// continents and regions, the four UK nations, US states, and capitals and
// other cities of over about two million people or frequent in English
// news. Written by hand from general knowledge; demonyms ("British") are
// deliberately absent, since they are not places.
var places = set(`
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

// neverNames are capitalised words that are never part of a name, even
// mid-sentence ("Her Majesty's Government").
var neverNames = set(`His|Her|Their|Its|Our|My|Your|Majesty|Highness|Excellency|Honour|Lordship|Ladyship`)

// givenNames are common given names in English-language news, written by
// hand from general knowledge of frequent English and international first
// names. A run of two or more capitalised words starting with one is a
// person ("Theresa May") when nothing else says otherwise.
var givenNames = set(`
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

// orgStarts begin organisation names ("University College London",
// "Bank Leumi").
var orgStarts = set(`University|College|Bank|Institute|Ministry|Department|Museum`)

// notNames are capitalised words that name no person, organisation or
// place but that prose labels as one.
var notNames = set(`Brexit|Internet|Web|God|Covid|Coronavirus|Earth|Sun|Moon`)
