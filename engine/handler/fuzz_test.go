package handler

import "testing"

// FuzzParse: any bytes give a handler set or an error, never a panic; a
// set's every binding has exactly one target and binds something.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`{"handlers": [{"resource": "arn:aws:states:::lambda:invoke", "command": ["sh", "-c", "echo {}"]}]}`,
		`{"handlers": [{"state": "Notify", "url": "http://127.0.0.1:8080/notify", "timeoutSeconds": 5}]}`,
		`{"handlers": [{"resource": "*", "lambdaEndpoint": "http://127.0.0.1:3001"}]}`,
		`{"handlers": [{"resource": "*", "comand": ["true"]}]}`,
		`{"handlers": [{"resource": "*", "command": ["true"], "timeoutSeconds": -1}]}`,
		`{"handlers": []}`, `{}`, `[]`, `{`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("dir/h.json", data)
		if err != nil {
			_ = err.Error()
			return
		}
		for i, b := range s.Bindings {
			targets := 0
			for _, set := range []bool{len(b.Command) > 0, b.URL != "", b.LambdaEndpoint != ""} {
				if set {
					targets++
				}
			}
			if targets != 1 || (b.State == "" && b.Resource == "") {
				t.Fatalf("binding %d accepted: %+v", i, b)
			}
			if b.TimeoutSeconds < 0 {
				t.Fatalf("binding %d has a negative timeout", i)
			}
		}
	})
}
