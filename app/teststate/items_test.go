package teststate

import (
	"context"
	"encoding/json"
	"testing"
)

// TestItemSelectorKeepsKeyOrder: each item's input has the ItemSelector's
// keys in the order written, as the engine builds any payload template
// (the golden files compare as JSON, blind to order).
func TestItemSelectorKeepsKeyOrder(t *testing.T) {
	req := Request{
		Definition:      json.RawMessage(`{"Type":"Map","ItemSelector":{"zeta.$":"$$.Map.Item.Value","alpha.$":"$$.Map.Item.Index"},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}`),
		Input:           json.RawMessage(`["x","y"]`),
		InspectionLevel: Debug,
		Mock:            &Mock{Result: ptr(`[1,2]`)},
	}
	resp, err := Run(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	got := resp.InspectionData.AfterItemSelector
	if want := `[{"zeta":"x","alpha":0},{"zeta":"y","alpha":1}]`; got == nil || *got != want {
		t.Errorf("afterItemSelector = %v, want %s", got, want)
	}
	if resp.InspectionData.AfterItemBatcher != nil {
		t.Errorf("afterItemBatcher = %s for a Map without ItemBatcher", *resp.InspectionData.AfterItemBatcher)
	}
}

func ptr(s string) *string { return &s }
