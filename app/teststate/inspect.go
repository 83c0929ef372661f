package teststate

// inspect builds the inspection data of a DEBUG or TRACE answer: the
// value after each processing step the state has, in AWS's names.
func inspect(t *tested, level string, input any, vars map[string]any, rec *recording, status string) *InspectionData {
	d := &InspectionData{Input: text(input)}
	get := func(step string) *string {
		if v, ok := rec.stage(step); ok {
			return text(v)
		}
		return nil
	}
	typ := t.typ()
	jsonPath := t.queryLanguage() != "JSONata"
	rec.mu.Lock()
	params, hasParams, result, hasResult := rec.params, rec.hasParams, rec.result, rec.hasResult
	rec.mu.Unlock()
	if jsonPath {
		d.AfterInputPath = get("InputPath")
		if d.AfterInputPath == nil {
			d.AfterInputPath = d.Input
		}
		// AWS shows no afterInputPath for a Parallel, nor for a Pass with
		// a Result (which ignores its input).
		if typ == "Parallel" || typ == "Pass" && has(t.state, "Result") {
			d.AfterInputPath = nil
		}
		switch typ {
		case "Pass":
			if v, ok := rec.stage("Result"); ok && has(t.state, "Result") {
				d.Result = text(v)
			} else {
				d.AfterParameters = get("Parameters")
				if d.AfterParameters == nil {
					d.AfterParameters = d.AfterInputPath
				}
			}
		case "Task":
			if hasParams && t.typ() == "Task" {
				d.AfterParameters = text(params)
			}
			if hasResult {
				d.Result = text(result)
			}
		}
		if status == Succeeded && (typ == "Pass" || typ == "Task" || typ == "Map" || typ == "Parallel") {
			d.AfterResultSelector = get("ResultSelector")
			if d.AfterResultSelector == nil {
				if v, ok := rec.stage("Result"); ok {
					d.AfterResultSelector = text(v)
				} else if hasResult {
					d.AfterResultSelector = text(result)
				} else if typ == "Pass" {
					d.AfterResultSelector = d.AfterParameters
				}
			}
			d.AfterResultPath = get("ResultPath")
			if d.AfterResultPath == nil && !has(t.state, "ResultPath") {
				d.AfterResultPath = d.AfterResultSelector
			}
		}
	} else if typ == "Task" {
		if hasParams {
			d.AfterArguments = text(params)
		}
		if hasResult {
			d.Result = text(result)
		}
	}
	if typ == "Task" && level == Trace {
		if res, _ := t.state["Resource"].(string); res == httpResource {
			if hasParams {
				d.Request = httpRequest(params)
			}
			if hasResult {
				d.Response = httpResponse(result)
			}
		}
	}
	if typ == "Map" {
		d.AfterItemSelector, d.AfterItemBatcher = rec.selected, rec.batches
		p, _ := params.(map[string]any)
		mc := int64(0)
		if f, ok := engineNumber(p["maxConcurrency"]); ok {
			mc = int64(f)
		}
		d.MaxConcurrency = &mc
		if f, ok := engineNumber(p["toleratedFailureCount"]); ok {
			n := int64(f)
			d.ToleratedFailureCount = &n
		}
		if f, ok := engineNumber(p["toleratedFailurePercentage"]); ok {
			d.ToleratedFailurePercentage = &f
		}
		if jsonPath {
			if items, ok := p["items"]; ok {
				d.AfterItemsPath = text(items)
			}
		}
	}
	if len(vars) > 0 {
		all := map[string]any{}
		for k, v := range vars {
			all[k] = v
		}
		if a, ok := rec.stage("Assign"); ok {
			if m, ok := a.(map[string]any); ok {
				for k, v := range m {
					all[k] = v
				}
			}
		}
		d.Variables = text(all)
	}
	return d
}

func has(m map[string]any, k string) bool { _, ok := m[k]; return ok }
