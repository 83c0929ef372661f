package jsonpath

// lengthCall is Jayway's length() function at the end of a path
// ("$.items.length()"): the number of elements of the array the rest of
// the path selects (of an indefinite path: of the matches), the number of
// members of an object, or a string's length in UTF-16 units.
const lengthCall = ".length()"

func (p *Path) lengthOf(doc any) (any, error) {
	v, err := p.get(doc)
	if err != nil {
		return nil, err
	}
	if n, ok := sizeOf(v); ok {
		return int64(n), nil
	}
	return nil, p.notFound("Aggregation function attempted to calculate value using empty array")
}
