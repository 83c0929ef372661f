package app

import (
	_ "embed"
)

// The example the studio opens on start. Its validity is a build-time test
// (example_test.go), never a runtime surprise.
var (
	//go:embed examples/order-process.asl.json
	exampleDefinition []byte
	//go:embed examples/order-process.input.json
	exampleInput []byte
)

// ExampleName is the file name the example is shown under.
const ExampleName = "order-process.asl.json"
