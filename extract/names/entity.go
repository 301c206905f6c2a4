package names

// Entity types, as they appear in Entity.Type and in the JSON contract.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	Place        = "PLACE"
)

// Entity is one mention of a person, organisation or place.
// Start and End are byte offsets into the tagged text: text[Start:End] == Text.
// Canonical is the name the mention resolves to in this document (titles
// such as "Sir" and "Mr" stripped, "Mr Basu" resolved to "Neil Basu").
type Entity struct {
	Type      string `json:"type"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Canonical string `json:"canonical"`
}

// Name is a canonical name with the number of mentions resolving to it.
type Name struct {
	Name     string `json:"name"`
	Mentions int    `json:"mentions"`
}
