package quotes

import (
	"github.com/bylinehq/byline/extract/internal/nlp"
)

// speechVerbs introduce or follow a quotation. invertedVerbs are those
// that also take their subject after them ("said Smith").
var speechVerbs = nlp.Words(`
	said says say told tells tell added adds continued continues explained explains stated
	states insisted insists warned warns replied replies asked asks wrote writes tweeted
	tweets claimed claims argued argues noted notes commented announced announces declared
	declares admitted admits acknowledged confirmed confirms revealed reveals suggested
	suggests urged urges recalled recalls remarked concluded joked shouted responded answered
	reported reports according predicted promised vowed pledged estimated indicated stressed
	emphasised emphasized conceded boasted complained recounted recounts observed cautioned
	quipped quips retorted exclaimed mused countered lamented reiterated alleged alleges
	asserted asserts affirmed contended`)

var invertedVerbs = nlp.Words(`
	said says added adds continued explained asked replied wrote insisted warned noted
	recalled remarked concluded stated declared tweeted according answered responded admitted
	recounted observed cautioned quipped retorted exclaimed mused countered lamented`)

// describeVerbs frame a partial quotation: described the plan as “inept”,
// referred to the plan as “a mess”, or, with the talk's topic in the
// speaker's words, talked of Lim's “…”, spoke about “…”.
var describeVerbs = nlp.Words(`
	described describes describing called calls calling branded brands branding denounced
	dubbed labelled labeled termed hailed slammed criticised criticized praised accused
	condemned characterised characterized deemed talked talks spoke speaks referred refers
	referring`)

// fillers may stand between a subject and its verb: "Police now say",
// "Smith has also said".
var fillers = nlp.Words(`
	also now later then has have had was is previously further again once would will could did
	does do never always today yesterday earlier meanwhile simply just both all himself
	herself subsequently reportedly recently separately only had, has, still even too`)

var pronounGender = map[string]byte{"he": 'm', "she": 'f'}

// participles introduce a quote whose speaker is the subject of the
// sentence: "Lim expressed regret, saying “…”".
var participles = nlp.Words(`speaking saying adding calling describing writing telling branding warning insisting explaining noting arguing claiming stating declaring labelling labeling dubbing`)

// notDescriptors end the descriptive words allowed between a quote and
// the name after it ("…,” Wynnum coach Jo Lim said); any of them means the
// clause is about something else.
var notDescriptors = nlp.Words(`while whereas but although though as when after before because since and or if that which who where whom whose in on at to from with by for of about into during`)

// orgRoles maps a role noun standing for an organisation to the words one
// of the document's ORGANIZATION names must contain; nil means any.
var orgRoles = map[string][]string{
	"police": {"police", "constabulary", "yard", "met", "gendarmerie"}, "government": {"government"},
	"ministry": {"ministry"}, "department": {"department"}, "council": {"council"},
	"court": {"court"}, "army": {"army"}, "military": {"military", "army", "defence", "defense", "forces"},
	"party": {"party"}, "union": {"union"}, "commission": {"commission"}, "agency": {"agency"},
	"committee": {"committee"}, "club": {"club", "fc"}, "university": {"university"},
	"officers": {"police", "constabulary", "yard", "met"}, "detectives": {"police", "constabulary", "yard", "met"},
	"hospital": {"hospital"}, "company": nil, "firm": nil, "group": nil, "airline": nil,
	"charity": nil, "bank": {"bank"}, "broadcaster": nil, "organisation": nil, "organization": nil,
	"regulator": nil, "manufacturer": nil, "retailer": nil, "carmaker": nil, "insurer": nil,
}

// personRoles are role nouns resolved to a PERSON the text gives that role
// ("Commissioner Cressida Dick", "Hugh Park, a former police chief"),
// among them occupations news introduces a person by ("Actress Jo Lim …
// The actress recalled").
var personRoles = nlp.Words(`
	president minister commissioner chief ambassador secretary chairman chairwoman director
	governor mayor senator judge leader manager coach chancellor prosecutor executive founder
	ceo boss premier lawyer attorney captain inspector superintendent detective sheriff
	professor author envoy spokesman spokeswoman spokesperson headteacher principal mp
	congressman congresswoman king queen pope prince princess chair actor actress singer
	artist writer novelist producer designer scientist researcher economist analyst historian
	astronaut athlete player striker goalkeeper driver rapper comedian`)

var maleTitles = nlp.Words(`mr sir lord king prince mister father brother duke baron`)
var femaleTitles = nlp.Words(`mrs ms miss dame lady queen princess madam baroness sister duchess`)

// Common given names with a clear gender, used when no title says it.
var maleNames = nlp.Words(`aaron adam adrian ahmed alan albert alex alexander alexei ali andrew andy angus anthony antonio arthur barack ben benjamin bernie bill bob boris brian bruce carl carlos charles chris christopher colin craig dan daniel darren david dennis dmitry donald douglas ed edward emmanuel eric frank fred gary george gordon graham greg harry henry hugh ian ivan jack jacob james jamie jason jean jeff jeremy jim joe john jonathan jose joseph juan justin keir keith kevin kim kenneth larry lee liam luis mark martin matt matthew michael mike mohammed muhammad narendra neil nicholas nick nigel oliver omar patrick paul peter philip piers rafael ray richard rishi robert roger ronald ryan sam samuel scott sean sergei simon stephen steve steven stuart ted thomas tim timothy tom tony vladimir walter wayne william xi yevgeny yuri`)
var femaleNames = nlp.Words(`alexandria amanda amber amy ana andrea angela ann anna anne barbara betty caroline catherine charlotte cheryl christine claire cressida diana diane donna elizabeth ellen emily emma eva fiona hannah hillary helen isabel jacinda jane janet jennifer jessica jill joan julia julie karen kate katherine kathleen kamala laura linda lisa liz louise lucy margaret maria marie mary megan melania melissa michelle nancy natalie nicola nicole olivia patricia priti rachel rebecca ruth sandra sarah sharon sophie stephanie susan teresa theresa tulsi ursula valerie veronika victoria virginia`)

// prepositions govern a following mention, which is then not a clause
// subject ("Speaking to Andrew Neil, Boris Johnson said").
var prepositions = nlp.Words(`to with by about from of for at against on in into like than after before over under between among towards toward during without including via as`)

// determiners may stand between a preposition and the name it governs.
var determiners = nlp.Words(`the a an his her their its our my your this that`)

// clauseStarters open a new clause whose subject may differ: "Duda said
// … while Brudziński wrote he had …".
var clauseStarters = nlp.Words(`while whereas but although though`)

// offices are roles held by one person at a time, which news refers to by
// the role alone after naming the holder: "Jo Lim praised the plan. The
// president said …".
var offices = nlp.Words(`president premier chancellor governor mayor king queen pope ambassador envoy commissioner`)

// nameConnectors may stand inside a title run: "Secretary of State".
var nameConnectors = nlp.Words(`of the for and de du da di del la le von van der des al`)

// institutions map a role to the institutions its holder heads, as they
// follow the holder's name: "Dan Rook’s White House", "the Rook
// administration".
var institutions = map[string][]string{
	"president": {"’s white house", "'s white house", "’s administration", "'s administration", " administration", "’s presidency", "'s presidency"},
}

// headPreps join a person heading a subject phrase to its modifiers.
var headPreps = nlp.Words(`of at from with for in`)

// documents are written texts that "read" their words.
var documents = nlp.Words(`statement statements letter letters message note post tweet release notice sign banner placard card email`)

// namingVerbs give a name when the quotation follows them directly.
var namingVerbs = nlp.Words(`called dubbed named nicknamed termed labelled labeled titled entitled branded described`)

// clauseBreakers end the reported clause an outer speech verb governs.
var clauseBreakers = nlp.Words(`while whereas but although though because if which who whom whose where when after before and or as unless until`)

var abbrevs = nlp.Words(`mr mrs ms dr st jr sr gen sen rep gov lt col capt prof rev sgt insp no vs etc u.s`)

// clauseStops end a reported clause when walking back from a quotation.
var clauseStops = nlp.Words(`while whereas but although though because which who whom whose where when unless until`)

// clauseOpeners open an adverbial clause before its subject.
var clauseOpeners = nlp.Words(`after before when whenever if unless although though as because since while whereas once until`)

// indirectVerbs take a reported clause after "that"; bareIndirect ones
// also take it without.
var (
	indirectVerbs = nlp.Words(`said says told tells warned warns claimed claims insisted insists denied denies admitted admits added adds argued argues announced announces stated states explained confirmed confirms acknowledged stressed noted reported reports revealed conceded maintained maintains indicated estimated predicted promised remarked suggested declared cautioned reiterated reiterates testified ruled determined`)
	bareIndirect  = nlp.Words(`said says added adds insisted insists argued argues warned warns claimed claims announced announces admitted admits confirmed confirms denied denies noted notes stressed acknowledged revealed indicated estimated predicted promised remarked suggested declared cautioned stated reported told tells`)
	// pastIndirect rarely take a noun object, so a clause after them may
	// be finite through a past-tense verb alone ("said three people
	// died"), not only an auxiliary.
	pastIndirect = nlp.Words(`said says told tells claimed claims estimated indicated predicted insisted argued remarked added`)
	// anonSources are unnamed people or groups who may report ("officials
	// said", "its source claimed"): an Indirect quote with no speaker.
	anonSources = nlp.Words(`official officials source sources authorities witness witnesses eyewitness eyewitnesses resident residents analyst analysts expert experts investigator investigators prosecutors doctors scientists researchers critics observers locals rescuers organisers organizers activists diplomats aides insiders neighbours neighbors relatives media`)
	// finiteAux mark a finite clause after a verb with no "that"; n't
	// splits "wasn't" into "wasn" and "t".
	finiteAux = nlp.Words(`is was were are had has have will would could can may might must should did does do shall won wasn isn weren aren hadn hasn haven couldn wouldn didn doesn don shouldn`)
	// notClauseStart cannot open a reported clause after a bare verb.
	notClauseStart = nlp.Words(`nothing something anything little much more less so yes goodbye hello sorry thanks thank what whether if how why when where who whom which whose while the-end`)
	// subjectLead may stand before a subject mention: descriptive words
	// ("former police chief Jo Lim", "its chief executive").
	subjectLead = nlp.Words(`a an the his her its their our former then current senior deputy acting chief top new another one other local state federal national opposition party police head official officials`)
	// boundaryWords open a clause, so a subject may follow them.
	boundaryWords = nlp.Words(`and but while whereas although though because since so yet meanwhile however also later earlier then that`)
	// subordinators open a sentence that is not a reported clause.
	subordinators = nlp.Words(`after before when whenever if unless although though as because since while during despite in on at for with by from following until once`)
	// gapStart may open the words between a verb and "that": "said on
	// Monday that", "said in a statement that", "said, however, that".
	gapStart = nlp.Words(`on in at during after before last this earlier yesterday today later late previously recently again also repeatedly publicly privately`)
)

// nominative pronouns are subjects only.
var nominative = nlp.Words(`he she they we i`)

// hearers are the people told in "told reporters …", "told the press".
var hearers = nlp.Words(`reporters journalists press media correspondent correspondents it him her them us me parliament lawmakers audience crowd supporters viewers listeners investigators police court jury`)

// irregularPast are common irregular past-tense verbs.
var irregularPast = nlp.Words(`died came went took made found left became began gave got knew saw won lost fell rose hit sent held kept met paid ran spent stood brought bought caught fought thought felt led meant put set shot struck wrote fled broke chose drove flew grew sold sought spoke swore threw wore`)
