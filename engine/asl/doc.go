// Package asl is the typed Amazon States Language model shared by every part
// of Stepstudio: the interpreter compiles from it, the diagram derives nodes
// and edges from it, the validator reports against it and the IaC tools parse
// templates with it. It has no behaviour beyond parsing and lookup.
//
// A definition is held twice, at two levels:
//
//   - Node is the generic ordered tree of the source (JSON or YAML). Every
//     object keeps all its keys in source order, unknown ones included, and
//     every key and value carries its source Range, so any problem can be
//     located in the text and any JSON pointer resolved to a range.
//   - StateMachine, State and their parts are a lenient typed decode of that
//     tree. Decoding never fails: a field of the wrong type is left at its
//     zero value (the validator reports it), and every typed part keeps its
//     *Node so callers can go back to the source. Payload templates and other
//     JSON-valued fields (Parameters, Arguments, Output, Assign, Result, …)
//     stay *Node; the engine converts them with (*Node).Value.
//
// Optional path fields distinguish "absent" from JSON null with *PathValue:
// nil means absent, PathValue{Null: true} means the key holds null (for
// ResultPath null discards the result, for InputPath/OutputPath it yields {}).
// Numeric fields are pointers so that absent differs from zero; in JSONata
// states such a field may hold a "{% … %}" string instead, in which case the
// pointer is nil and the expression is at State.Node.Get(field).
//
// Parse reads JSON with its own position-tracking parser and YAML through
// gopkg.in/yaml.v3's Node API. Syntax problems are reported as *SyntaxError.
package asl
