package cloud

import "testing"

func TestResolveSubstitutions(t *testing.T) {
	src := []byte(`{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
	  "Arguments":{"TableName":"${Table}","Note":"in ${Stage} of ${Stage}"},"TimeoutSeconds":"${Timeout}","End":true}}}`)
	if got := Placeholders(src); len(got) != 3 || got[0] != "Stage" || got[1] != "Table" || got[2] != "Timeout" {
		t.Errorf("placeholders %v", got)
	}
	for _, tc := range []struct {
		values map[string]string
		want   string
		code   string
	}{
		{nil, "", CodeUnresolved},
		{map[string]string{"Table": "orders"}, "", CodeUnresolved},
		{map[string]string{"Table": "orders", "Stage": "prod", "Timeout": "30"},
			`{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Arguments":{"TableName":"orders","Note":"in prod of prod"},"TimeoutSeconds":30,"End":true}}}`, ""},
	} {
		got, err := resolve(src, tc.values)
		if problemCode(err) != tc.code || (tc.code == "" && string(got) != tc.want) {
			t.Errorf("%v: %s %v", tc.values, got, err)
		}
	}
	plain := []byte(`{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)
	if got, err := resolve(plain, nil); err != nil || string(got) != string(plain) {
		t.Errorf("a definition without placeholders changed: %s %v", got, err)
	}
}
