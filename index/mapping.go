package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field paths of the mapping. They equal Doc's JSON tags (a test checks
// this) and are the names users type in queries.
const (
	fieldTitle        = "title"
	fieldSource       = "source"
	fieldURL          = "url"
	fieldPublished    = "published"
	fieldText         = "text"
	fieldPerson       = "person"
	fieldOrganization = "organization"
	fieldPlace        = "place"
	fieldSpeaker      = "speaker"
	fieldQuote        = "quote"
	fieldHash         = "hash"
	fieldDate         = "date"
)

// ExactSuffix is appended to an entity field's name (person, organization,
// place, speaker) to name its keyword copy: the whole name, unanalysed and
// case-sensitive, with doc values, for exact matches
// (person_exact:"Neil Basu") and facets.
const ExactSuffix = "_exact"

// nameAnalyzer analyses entity names: Unicode word tokens, lower-cased, with
// no stemming and no stop words, so person:basu, person:Basu and
// person:"Neil Basu" all match "Neil Basu" and "Khan" never matches "Khans".
const nameAnalyzer = "byline_name"

// docType is the bleve document type of every indexed article; body
// reports it through bleve's Classifier interface.
const docType = "article"

// mappingVersion is stored in every index this package creates. Bump it on
// any change to newMapping that makes old indexes answer queries wrongly;
// Open refuses an index with another version (ErrMappingVersion).
const mappingVersion = "3" // 2: the date field; 3: quote documents (quotes.go)

// mappingVersionKey is the bleve internal key that holds mappingVersion.
var mappingVersionKey = []byte("byline.mapping_version")

// newMapping returns the index mapping for Doc.
//
// Size is spent only where a feature needs it: stored values only for what
// Search returns or highlights, term vectors (positions and offsets) only
// on fields that are highlighted or queried with phrases, doc values only
// where sorting or faceting needs them.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(nameAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []any{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	// Every field names its analyzer; this one is for any path without
	// a mapping.
	im.DefaultAnalyzer = en.AnalyzerName
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	doc := bleve.NewDocumentStaticMapping()
	// No composite _all field: on generated 3.6 kB articles it took the
	// index from 11 kB to 18.6 kB per doc on disk (BenchmarkWrite's
	// disk-B/doc) and a third more CPU to write, and it analyses every
	// query with one analyzer. Search instead expands a
	// clause without a field into one clause per field of defaultFields,
	// each analysed as that field was.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	// english is searched and stored; term vectors for highlights and
	// phrase queries. On text they are the largest part of the index
	// (about 10 kB per doc with _all, measured the same way) and what
	// highlighting needs.
	english := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = en.AnalyzerName
		f.Store = true
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	doc.AddFieldMappingsAt(fieldTitle, english())
	doc.AddFieldMappingsAt(fieldText, english())
	doc.AddFieldMappingsAt(fieldQuote, english())

	for _, name := range []string{fieldPerson, fieldOrganization, fieldPlace, fieldSpeaker} {
		analysed := bleve.NewTextFieldMapping()
		analysed.Analyzer = nameAnalyzer
		analysed.Store = true
		analysed.IncludeTermVectors = true // person:"Neil Basu" needs positions
		analysed.IncludeInAll = false
		analysed.DocValues = false

		exact := bleve.NewKeywordFieldMapping()
		exact.Name = name + ExactSuffix
		exact.Store = false
		// Quotes, the way to type a name with a space, make a phrase
		// query, and bleve's phrase searcher needs term vectors even for
		// one token. One location per name is cheap.
		exact.IncludeTermVectors = true
		exact.IncludeInAll = false
		exact.DocValues = true // facets
		doc.AddFieldMappingsAt(name, analysed, exact)
	}

	published := bleve.NewDateTimeFieldMapping()
	published.Store = true
	published.IncludeInAll = false
	published.DocValues = true // sort by date
	doc.AddFieldMappingsAt(fieldPublished, published)

	// date is only searched (date:>="2019-07-01"), never returned.
	mentioned := bleve.NewDateTimeFieldMapping()
	mentioned.Store = false
	mentioned.IncludeInAll = false
	mentioned.DocValues = false
	doc.AddFieldMappingsAt(fieldDate, mentioned)

	kw := func(index bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Index = index
		f.Store = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	doc.AddFieldMappingsAt(fieldSource, kw(true))
	doc.AddFieldMappingsAt(fieldURL, kw(true))
	// hash is only read back by Hash, never searched.
	doc.AddFieldMappingsAt(fieldHash, kw(false))

	im.AddDocumentMapping(docType, doc)
	addQuoteMapping(im, doc)
	im.DefaultType = docType
	// Nothing else is indexed. A type mapping rather than the default
	// mapping also makes fields renamed with FieldMapping.Name
	// (person_exact) resolve to their own analyzer at query time: bleve
	// looks renamed fields up in type mappings only.
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()
	return im, nil
}
