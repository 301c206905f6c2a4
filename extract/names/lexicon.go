package names

import (
	"github.com/bylinehq/byline/extract/internal/ner"
	"github.com/bylinehq/byline/extract/internal/nlp"
)

// Word lists behind the entity rules. They are written by hand for English
// news in general, not for any particular article.

// honorifics are forms of address that belong to a name as written ("Mr
// Basu", "Sir Kim Darroch"). They stay in Entity.Text and are stripped from
// the canonical name.
var honorifics = ner.Honorifics

// firstNameHonorifics are honorifics followed by a first name when used
// alone: British knights and dames ("Sir Kim" is Sir Kim Darroch).
var firstNameHonorifics = nlp.Words(`Sir|Dame`)

// titleHeads are job titles and ranks that mark the name after them as a
// person ("Assistant Commissioner Neil Basu", "minister Damian Green",
// "US President Donald Trump"). They are context, not part of the name.
// The model's list is widened here with titles of legislators, councils
// and clergy that it lacks ("Assemblywoman Rosa Lim", "Rabbi Jo Stein")
// and abbreviated ranks ("Maj. Dan Rook").
var titleHeads = union(ner.TitleHeads, nlp.Words(`Assemblyman|Assemblywoman|Assemblymember|
	Councilman|Councilwoman|Councilmember|Councillor|Alderman|Alderwoman|Legislator|
	Rabbi|Imam|Pastor|Archdeacon|Deacon|Vicar|Chaplain|Bishop|Cardinal|
	Maj.|Cpl.|Brig.|Adm.|Cmdr.|Supt.|Insp.|Det.|Lt.|Gov.|Atty.|Amb.|Sec.|Pres.|Supt|Insp|Det`))

// union returns a new set holding the words of a and b.
func union(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for w := range a {
		out[w] = true
	}
	for w := range b {
		out[w] = true
	}
	return out
}

// titleModifiers qualify a title ("Prime Minister", "Home Secretary") and
// are dropped with it.
var titleModifiers = nlp.Words(`Prime|Foreign|Home|Deputy|Assistant|Vice|Shadow|Chief|
	Acting|Former|Interim|Senior|Junior|First|Permanent|Under|Lord|Executive|Head|
	Detective|Principal|Special|Lead|Managing|General|Majority|Minority`)

// royalStyles begin the names of royals and religious leaders and stay in
// the canonical name ("Prince Harry", "Pope Francis").
var royalStyles = nlp.Words(`King|Queen|Prince|Princess|Duke|Duchess|Pope|Emperor|Empress|Sheikh|Crown Prince`)

// RoleNouns are lowercase words that, right before a capitalised name,
// say it is a person ("minister Damian Green", "his wife Melania").
var RoleNouns = nlp.Words(`president|minister|secretary|commissioner|chancellor|governor|
	senator|mayor|ambassador|chairman|chairwoman|director|inspector|sergeant|
	detective|judge|spokesman|spokeswoman|spokesperson|leader|prosecutor|
	attorney|lawyer|barrister|solicitor|actor|actress|singer|writer|author|
	journalist|reporter|editor|presenter|host|coach|manager|player|striker|
	captain|officer|constable|superintendent|colleague|wife|husband|son|
	daughter|brother|sister|father|mother|widow|partner|boss|founder|
	economist|analyst|professor|doctor|MP|MPs|mp|councillor|chief|deputy|
	predecessor|successor|counterpart|envoy|chair|premier|king|queen|prince|
	princess|pope|dr|mr|mrs|ms|sir`)

// PostNominals follow a person's name ("Damian Green MP") and are not part
// of it.
var PostNominals = nlp.Words(`MP|MEP|MSP|AM|MLA|QC|KC|OBE|MBE|CBE|KBE|DBE|Jr|Jr.|Sr|Sr.|PhD`)

// saidVerbs follow a speaker; an otherwise unknown name of two or more
// words right before one is a person.
var saidVerbs = nlp.Words(`said|says|told|added|explained|insisted|wrote|tweeted|
	argued|claimed|warned|stated|replied|admitted|denied|announced`)

// orgHeads end organisation names ("Metropolitan Police", "Home Office",
// "Labour Party", "Acme Ltd"). A span of two or more capitalised words
// ending in one is an organisation.
var orgHeads = ner.OrgHeads

// theOrgs name an organisation on their own after "the": publications
// ("The Times", "the Guardian") and common short forms ("the Met").
var theOrgs = nlp.Words(`Times|Post|Journal|Herald|Tribune|Gazette|Chronicle|Mail|Telegraph|
	Guardian|Express|Mirror|Standard|Observer|Independent|Economist|Sun|Star|
	Spectator|Atlantic|Register|Scotsman|Age|Hindu|Met`)

// ofHeads may be followed by "of"/"for" inside a name ("Bank of England",
// "Department for Education", "House of Commons", "University of Oxford").
var ofHeads = nlp.Words(`Office|Ministry|Department|Council|Commission|Committee|University|
	College|School|Academy|Institute|Service|Agency|Court|Bank|Corporation|
	Association|Federation|Union|League|Society|Foundation|Trust|Authority|
	Board|Bureau|Organisation|Organization|Church|House|Chamber|Museum|Party|
	Republic|Kingdom|States|Isle|Isles|Island|Islands|City|Province|Gulf|Bay|
	Cape|Sea|Strait|Straits|Emirates|Federated|Commonwealth|Secretariat|Army|
	Guard|Centre|Center|Hospital|Friends|Order|Fund|Exchange|Chamber|Port|Movement|Alliance|Front`)

// placeHeads end place names ("Downing Street", "Hyde Park").
var placeHeads = nlp.Words(`Street|Road|Avenue|Lane|Square|River|Mountains|Island|Islands|Isles|
	Bay|Sea|Ocean|Gulf|Valley|County|Province|City|Town|Village|District|
	Region|Park|Airport|Station|Bridge|Beach|Peninsula|Desert|Coast|Strait|
	Canal|Heights|Hills|Forest|Falls|Kingdom|Republic|States|Emirates|Territory|
	Territories|Highlands|Lowlands|Borough|Shire|Harbour|Harbor|Port|Reef`)

// placeStarts begin place names ("Mount Everest", "Lake Geneva").
var placeStarts = nlp.Words(`Mount|Lake|Cape|Fort|Port|Isle|Gulf|Bay|River`)

// directionWords qualify a known place ("Northern Ireland", "South Korea"
// are in the gazetteer; "North London", "western Syria" are not).
var directionWords = nlp.Words(`North|South|East|West|Northern|Southern|Eastern|Western|Central|
	Greater|Upper|Lower|Inner|Outer|North-East|North-West|South-East|South-West|
	Northeast|Northwest|Southeast|Southwest`)

// placeAcronyms are all-capital abbreviations of places; every other
// acronym is taken for an organisation.
var placeAcronyms = nlp.Words(`UK|US|USA|U.S.|U.S.A.|U.K.|UAE|DRC|NYC|GB|USSR|PRC|ROK|DPRK|NI|
	NZ|HK|LA|DC|D.C.`)

// notEntityAcronyms are capitalised abbreviations that name no entity.
var notEntityAcronyms = nlp.Words(`I|A|OK|TV|CEO|CFO|COO|CTO|MP|MPs|MEP|MEPs|PM|AM|QC|KC|GDP|CCTV|
	DNA|HIV|AIDS|COVID|COVID-19|ID|IT|PR|UFO|VIP|LGBT|LGBTQ|FAQ|BST|GMT|EST|EDT|
	PST|PDT|CET|UTC|AD|BC|CE|BCE|PhD|MBE|OBE|CBE|KBE|DBE|AGM|IPO|USD|GBP|EUR|
	SUV|PS|NB|RIP|ICU|IVF|MRI|GP|GPs|PC|DC|DI|DCI|DS|DJ|MC|RSS|URL|PDF|AI|
	A.M.|P.M.|HM|GCSE|GCSEs|LOL|OMG|FYI|ASAP|ETA|SMS|GPS|HQ|EP|LP|CD|DVD|PIN|ATM|VAT|
	NB|PPE|RT|VR|PM2|EV|EVs|API|CPU|IQ|PE|R&B|TBC|TBA|MPH|KM|MW|GW|SOS|
	CV|CVs|HR|UV|XL|VS|V|II|III|IV|VI|VII|VIII|IX|X|XI|XII`)

// notStarters are capitalised words that begin sentences or headlines but
// name nothing. prose tags some of them as proper nouns.
var notStarters = nlp.Words(`The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|
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
var calendarWords = nlp.Words(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|
	February|March|April|May|June|July|August|September|October|November|
	December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Christmas|Easter|
	Ramadan|Eid|Diwali|Hanukkah|Thanksgiving|Halloween|Lent`)

// nameParticles join parts of personal names ("Ursula von der Leyen",
// "Bashar al-Assad" is one token, "Osama bin Laden").
var nameParticles = nlp.Words(`de|van|von|der|den|da|di|du|la|le|del|della|bin|ibn|al|el|ben|dos|das|y`)

// places is a gazetteer of countries (the English short names of UN member
// and observer states and a few territories, with common alternatives),
// continents and regions, the four UK nations, US states, and capitals and
// other cities of over about two million people or frequent in English
// news. Written by hand from general knowledge; demonyms ("British") are
// deliberately absent, since they are not places.
var places = ner.Places

// neverNames are capitalised words that are never part of a name, even
// mid-sentence ("Her Majesty's Government").
var neverNames = nlp.Words(`His|Her|Their|Its|Our|My|Your|Majesty|Highness|Excellency|Honour|Lordship|Ladyship`)

// givenNames are common given names in English-language news, written by
// hand from general knowledge of frequent English and international first
// names. A run of two or more capitalised words starting with one is a
// person ("Theresa May") when nothing else says otherwise.
var givenNames = ner.GivenNames

// orgStarts begin organisation names ("University College London",
// "Bank Leumi").
var orgStarts = nlp.Words(`University|College|Bank|Institute|Ministry|Department|Museum`)

// notNames are capitalised words that name no person, organisation or
// place but that prose labels as one.
var notNames = nlp.Words(`Brexit|Internet|Web|God|Covid|Coronavirus|Earth|Sun|Moon`)

// knownOrgs are organisations English news names by a building, a street
// or a short form that looks like a place or a person ("the White House",
// "the Kremlin", "Scotland Yard"), mapped to their canonical names ("" when
// the name is its own canonical form). Written by hand from general
// knowledge; a mention written this way is an organisation whatever the
// model says.
var knownOrgs = map[string]string{
	"White House": "", "Kremlin": "", "Pentagon": "", "Whitehall": "",
	"Élysée": "", "Elysee": "", "Élysée Palace": "", "Elysee Palace": "",
	"Scotland Yard": "Metropolitan Police", "New Scotland Yard": "Metropolitan Police",
	"Met Police": "Metropolitan Police", "Metropolitan Police Service": "Metropolitan Police",
	"House of Commons": "", "House of Lords": "", "Commons": "House of Commons", "Lords": "House of Lords",
	"Bundestag": "", "Bundesrat": "", "Knesset": "", "Duma": "", "State Duma": "Duma",
	"Holyrood": "Scottish Parliament", "Stormont": "Northern Ireland Assembly", "Senedd": "",
	"Dáil": "", "Dail": "", "Oireachtas": "", "Folketing": "", "Riksdag": "", "Storting": "",
	"Sejm": "", "Rada": "", "Verkhovna Rada": "", "Majlis": "", "Politburo": "",
	"Capitol Hill": "Congress", "Foggy Bottom": "State Department", "Quai d'Orsay": "",
	"Fed": "Federal Reserve", "Federal Reserve": "", "Bank of England": "", "Treasury": "",
	"Interpol": "", "Europol": "", "Frontex": "", "Hamas": "", "Hezbollah": "", "Taliban": "",
	"al-Qaeda": "", "Al-Qaeda": "", "al-Qaida": "", "Ofcom": "", "Ofsted": "", "Ofgem": "", "Ofwat": "",
}

// orgAlias returns the canonical name of a known organisation written as
// key, or "".
func orgAlias(key string) string {
	if c, ok := knownOrgs[key]; ok && c != "" {
		return c
	}
	if key == "Met" {
		return "Metropolitan Police" // "the Met": a short form, typed by theOrgs
	}
	return ""
}

// lawHeads end the names of laws, bills and treaties ("Official Secrets
// Act", "Good Friday Agreement"), which are neither people, organisations
// nor places.
var lawHeads = nlp.Words(`Act|Acts|Bill|Treaty|Convention|Accord|Accords|Agreement|Protocol|Directive|Amendment|Doctrine`)
