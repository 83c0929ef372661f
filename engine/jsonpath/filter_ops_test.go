package jsonpath_test

import (
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// shop is Jayway's README document, with sizes added for the operators
// that compare arrays.
const shop = `{"store":{"book":[
 {"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95,"sizes":["S","M"]},
 {"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99,"sizes":[]},
 {"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99,"sizes":["XL"]},
 {"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99,"sizes":["M","L","XL"]}],
 "bicycle":{"color":"red","price":19.95}},"expensive":10}`

// TestJaywayFilterOperators follows the filter operators of Jayway
// JsonPath, the library AWS runs (README, "Filter Operators"):
//
//	in        left exists in right         [?(@.size in ['S', 'M'])]
//	nin       left does not exist in right
//	subsetof  left is a subset of right    [?(@.sizes subsetof ['S', 'M', 'L'])]
//	anyof     left has an intersection with right [?(@.sizes anyof ['M', 'L'])]
//	noneof    left has no intersection with right [?(@.sizes noneof ['M', 'L'])]
//	size      size of left (array or string) should match right
//	empty     left (array or string) should be empty
//
// and the length() function ("The length of an array", "$..book.length()"
// in the README's examples counts the books).
func TestJaywayFilterOperators(t *testing.T) {
	d := mustJSON(t, shop)
	tests := []struct{ path, want string }{
		{"$.store.book[?(@.category in ['reference', 'poetry'])].author", `["Nigel Rees"]`},
		{"$.store.book[?(@.category nin ['reference', 'poetry'])].author", `["Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]`},
		{"$.store.book[?(@.price in [8.95, 22.99])].author", `["Nigel Rees","J. R. R. Tolkien"]`},
		// A missing value is in nothing, so it is "not in" every list.
		{"$.store.book[?(@.isbn in ['0-553-21311-3'])].title", `["Moby Dick"]`},
		{"$.store.book[?(@.isbn nin ['0-553-21311-3'])].title", `["Sayings of the Century","Sword of Honour","The Lord of the Rings"]`},
		{"$.store.book[?(@.sizes subsetof ['S', 'M', 'L'])].author", `["Nigel Rees","Evelyn Waugh"]`},
		{"$.store.book[?(@.sizes anyof ['M', 'L'])].author", `["Nigel Rees","J. R. R. Tolkien"]`},
		{"$.store.book[?(@.sizes noneof ['M', 'L'])].author", `["Evelyn Waugh","Herman Melville"]`},
		// subsetof/anyof/noneof need an array on the left.
		{"$.store.book[?(@.category anyof ['fiction'])].author", `[]`},
		{"$.store.book[?(@.sizes size 3)].author", `["J. R. R. Tolkien"]`},
		{"$.store.book[?(@.author size 10)].author", `["Nigel Rees"]`},
		{"$.store.book[?(@.sizes empty true)].author", `["Evelyn Waugh"]`},
		{"$.store.book[?(@.sizes empty false)].author", `["Nigel Rees","Herman Melville","J. R. R. Tolkien"]`},
		{"$.store.book[?(@.isbn empty false)].author", `["Herman Melville","J. R. R. Tolkien"]`},
		// Combined with the other operators.
		{"$.store.book[?(@.category == 'fiction' && @.sizes anyof ['XL'])].title", `["Moby Dick","The Lord of the Rings"]`},
		{"$.store.book[?(@.sizes size 0 || @.price in [8.95])].title", `["Sayings of the Century","Sword of Honour"]`},
		// length()
		{"$.store.book.length()", `4`},
		{"$.store.book[0].sizes.length()", `2`},
		{"$.store.bicycle.length()", `2`},
		{"$.store.book[?(@.sizes.length() > 1)].author", `["Nigel Rees","J. R. R. Tolkien"]`},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, err := jsonpath.Compile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			v, err := p.Get(d)
			if err != nil {
				t.Fatal(err)
			}
			if got := jsonvalue.String(v); got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
}
