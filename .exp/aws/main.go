package main

import (
	"os"

	_ "github.com/aws/aws-sdk-go-v2/config"
	_ "github.com/aws/aws-sdk-go-v2/service/sfn"
	_ "github.com/stepstudio/stepstudio/engine"
	_ "github.com/stepstudio/stepstudio/schema"
)

func main() { os.Stdout.WriteString("v\n") }
