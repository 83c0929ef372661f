// Package suite reads scenario suites (NAME.tests.yaml or .json beside a
// workflow NAME.asl.json), runs each scenario on the engine, checks its
// expectations and measures which states and transitions the runs reached
// (coverage). It is headless: the CLI's `stepstudio test` and the studio
// both use it.
//
// A suite file is parsed strictly: an unknown key, a value of the wrong
// type or a state the workflow lacks is an error located at its line and
// column, so a typo never silently turns an expectation off.
package suite
