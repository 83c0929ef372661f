// Package iac finds state machines inside infrastructure-as-code templates
// (SAM, CloudFormation, Terraform, Serverless Framework), opens their
// definitions, writes edits back in place, and exports a definition to
// those tools with substitutions and a least-privilege policy draft.
//
// Writing back never re-serialises a template: a definition's text lives
// in a byte range of one file (the template, or the file it references),
// and a save replaces only the lines of that range that changed, encoded
// the way the range encodes them (indented YAML, a block scalar, a JSON
// string, a heredoc). A file changed on disk since it was opened is
// refused. The package knows nothing of Wails.
package iac
