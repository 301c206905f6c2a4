package quotes

import (
	"testing"
)

// TestFindQuotesRoleNouns checks that a role noun ("the president")
// resolves to the person the article gives that role, however the article
// says so, and never to a person merely near the role word.
func TestFindQuotesRoleNouns(t *testing.T) {
	t.Parallel()
	rook := person("Dan Rook", "Dan Rook")
	tests := []struct {
		name string
		text string
		ents []testMention
		want []string
	}{
		{"title in the mention", "The envoy angered President Dan Rook. It was the president who called him “a fool” on Monday.",
			[]testMention{person("President Dan Rook", "Dan Rook")},
			[]string{"partial|a fool|Dan Rook@president"}},
		{"copula", "Dan Rook is the president of the club. “We are in crisis,” the president said.", []testMention{rook},
			[]string{"direct|We are in crisis|Dan Rook@president"}},
		{"became", "Dan Rook became president in 2010. “We are in crisis,” the president said.", []testMention{rook},
			[]string{"direct|We are in crisis|Dan Rook@president"}},
		{"who was", "Dan Rook, who was then the club’s chairman, spoke. “We are in crisis,” the chairman said.",
			[]testMention{rook}, []string{"direct|We are in crisis|Dan Rook@chairman"}},
		{"role phrase before the name", "The club’s president, Dan Rook, arrived late. The president called the plan “a disgrace”.", []testMention{rook},
			[]string{"partial|a disgrace|Dan Rook@president"}},
		{"role phrase before the name, indirect", "The club’s president, Dan Rook, arrived late. The president said the club would be sold.", []testMention{rook},
			[]string{"indirect|the club would be sold|Dan Rook@president"}},

		// Not the role holder.
		{"met the president", "Dan Rook met the president on Friday. The president called the plan “a disgrace”.", []testMention{rook},
			[]string{"partial|a disgrace|nil"}},
		{"after meeting the president", "After meeting the president, Dan Rook left. The president called the plan “a disgrace”.", []testMention{rook},
			[]string{"partial|a disgrace|nil"}},
		{"was arrested by", "Dan Rook was arrested by the sheriff. The sheriff called the raid “routine”.", []testMention{rook},
			[]string{"partial|routine|nil"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			expectQuotes(t, tt.text, tt.ents, tt.want)
		})
	}
}
