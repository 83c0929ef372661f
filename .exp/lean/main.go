package main

import (
	"os"

	_ "github.com/stepstudio/stepstudio/engine"
	_ "github.com/stepstudio/stepstudio/schema"
)

func main() { os.Stdout.WriteString("v\n") }
