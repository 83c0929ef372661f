// Package handbook turns a workflow into a process handbook for people
// who read rather than run it: the diagram, the purpose, each step in
// plain words, what can go wrong and where it goes, the people and systems
// it waits for, the AWS resources it touches, the open comments and, when
// test cases exist, the path each one takes. Build makes the model from a
// parsed definition; Markdown and HTML render it. The package is headless:
// the CLI (`stepstudio doc`) and the studio's File menu share it.
package handbook
