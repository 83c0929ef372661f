package cloud

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// definition is a workflow as AWS takes it: JSON text. A JSON document
// goes as written (so what is deployed is what is in the file, comments
// of formatting included); YAML is converted with its key order kept.
// doc is the parsed source, to locate AWS's diagnostics in it.
func definition(src []byte) (text string, doc *asl.Document, err error) {
	doc, err = asl.Parse("", src)
	if err != nil {
		return "", nil, &Problem{Code: CodeInvalidDef, Title: "The workflow cannot be read as JSON or YAML.",
			Action: "Fix the syntax error first.", Detail: err.Error(), err: err}
	}
	if doc.Format == asl.YAML {
		b, err := jsonvalue.Marshal(doc.Root.Value())
		if err != nil {
			return "", nil, &Problem{Code: CodeInvalidDef, Title: "The workflow cannot be turned into JSON.", Detail: err.Error(), err: err}
		}
		return string(b), doc, nil
	}
	return string(src), doc, nil
}

// Hash identifies a definition text: "sha256:" and the hex digest.
func Hash(definition string) string {
	sum := sha256.Sum256([]byte(definition))
	return "sha256:" + hex.EncodeToString(sum[:])
}
