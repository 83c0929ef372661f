package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"sort"
	"strconv"
	"strings"
)

// patchWasm makes the generated bindings in internal/wasm instantiate the
// module on first use (lazy.go, added from _new) instead of in init:
//
//   - bind.go's func init becomes func instantiate, called once by module();
//   - outside instantiate and the *WasmModule methods, every use of the
//     package variable mod goes through module(), so that the first use
//     instantiates;
//   - Register_* (called by gvc's init, before any module exists) write to
//     lookupFuncs, which instantiate then gives the module;
//   - the enum variables (EDGE, DEVICE_DOES_PAGES, ...), which upstream's
//     init sets from the running module before any other package copies
//     them (gvc.DeviceDoesPages = DeviceFeature(wasm.DEVICE_DOES_PAGES)),
//     are declared with the values the module gives, read from
//     graphviz.wasm here; instantiate checks them against the module
//     (checkEnumValue) instead of setting them.
func patchWasm(files map[string][]byte) error {
	values, err := enumValues(files["internal/wasm/graphviz.wasm"])
	if err != nil {
		return fmt.Errorf("internal/wasm/graphviz.wasm: %w", err)
	}
	inits := 0
	var names []string
	for name := range files {
		if path.Dir(name) == "internal/wasm" && strings.HasSuffix(name, ".go") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		out, n, err := patchWasmFile(name, files[name], values)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files[name] = out
		inits += n
	}
	if inits != 1 {
		return fmt.Errorf("internal/wasm: %d func init, want the one that instantiates the module", inits)
	}
	return nil
}

type replacement struct {
	start, end int
	text       string
}

func patchWasmFile(name string, src []byte, values map[string]int) ([]byte, int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, 0, err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	var reps []replacement
	replace := func(n ast.Node, text string) {
		reps = append(reps, replacement{off(n.Pos()), off(n.End()), text})
	}
	inits := 0
	enums := map[string]string{} // variable -> C name, from init
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil || isWasmModuleMethod(fn) {
			continue
		}
		uses, err := modUses(fn)
		if err != nil {
			return nil, 0, fmt.Errorf("func %s: %w", fn.Name.Name, err)
		}
		switch {
		case fn.Recv == nil && fn.Name.Name == "init":
			inits++
			// Its uses of mod stay: they follow mod's assignment, or are in
			// the callbacks it registers, which WASM calls only during a
			// call made through module(), once mod is set.
			replace(fn.Name, "instantiate")
			found := 0
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				kv, ok := n.(*ast.KeyValueExpr)
				if !ok {
					return true
				}
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "lookupFuncMap" && text(src, off, kv.Value) == "&LookupFuncMap{}" {
					replace(kv.Value, "lookupFuncs")
					found++
				}
				return true
			})
			if found != 1 {
				return nil, 0, fmt.Errorf("func init: %d `lookupFuncMap: &LookupFuncMap{}`, want 1", found)
			}
			if err := checkEnums(fn, src, off, enums, replace); err != nil {
				return nil, 0, err
			}
		case fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Register_"):
			if len(uses) != 1 {
				return nil, 0, fmt.Errorf("func %s: %d uses of mod, want 1 (mod.lookupFuncMap)", fn.Name.Name, len(uses))
			}
			sel := uses[0]
			if sel.Sel.Name != "lookupFuncMap" {
				return nil, 0, fmt.Errorf("func %s: mod.%s, want mod.lookupFuncMap", fn.Name.Name, sel.Sel.Name)
			}
			replace(sel, "lookupFuncs")
		default:
			for _, u := range uses {
				replace(u.X, "module()")
			}
		}
	}
	if err := declareEnums(f, enums, values, replace); err != nil {
		return nil, 0, err
	}
	return splice(src, reps), inits, nil
}

// checkEnums turns init's `X = T(mod.getEnumValue(ctx, "NAME"))` into
// `X = T(mod.checkEnumValue(ctx, "NAME", int(X)))` and records X -> NAME.
func checkEnums(fn *ast.FuncDecl, src []byte, off func(token.Pos) int, enums map[string]string, replace func(ast.Node, string)) error {
	calls, bound := 0, 0
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && isModCall(call, "getEnumValue") {
			calls++
		}
		return true
	})
	for _, stmt := range fn.Body.List {
		as, ok := stmt.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		v, ok := as.Lhs[0].(*ast.Ident)
		conv, ok2 := as.Rhs[0].(*ast.CallExpr)
		if !ok || !ok2 || len(conv.Args) != 1 {
			continue
		}
		call, ok := conv.Args[0].(*ast.CallExpr)
		if !ok || !isModCall(call, "getEnumValue") || len(call.Args) != 2 {
			continue
		}
		lit, ok := call.Args[1].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		cname, err := strconv.Unquote(lit.Value)
		if err != nil {
			return err
		}
		if _, dup := enums[v.Name]; dup {
			return fmt.Errorf("func init: %s set twice", v.Name)
		}
		enums[v.Name] = cname
		replace(call, fmt.Sprintf("mod.checkEnumValue(%s, %s, int(%s))", text(src, off, call.Args[0]), lit.Value, v.Name))
		bound++
	}
	if bound == 0 || bound != calls {
		return fmt.Errorf("func init: %d getEnumValue calls, %d of them of the form X = T(mod.getEnumValue(ctx, \"NAME\"))", calls, bound)
	}
	return nil
}

func isModCall(call *ast.CallExpr, method string) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != method {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == "mod"
}

// declareEnums gives each enum variable's declaration (X T = N, a value
// the generator guessed) the value graphviz.wasm holds for it.
func declareEnums(f *ast.File, enums map[string]string, values map[string]int, replace func(ast.Node, string)) error {
	declared := 0
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.VAR {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				cname, ok := enums[id.Name]
				if !ok {
					continue
				}
				if len(vs.Values) != len(vs.Names) {
					return fmt.Errorf("var %s: no value of its own to replace", id.Name)
				}
				if _, ok := vs.Values[i].(*ast.BasicLit); !ok {
					return fmt.Errorf("var %s: declared with %T, want a number", id.Name, vs.Values[i])
				}
				v, ok := values[cname]
				if !ok {
					return fmt.Errorf("var %s: graphviz.wasm exports no constant wasm_bridge_get_%s", id.Name, cname)
				}
				replace(vs.Values[i], strconv.Itoa(v))
				declared++
			}
		}
	}
	if declared != len(enums) {
		return fmt.Errorf("%d enum variables set by init, %d of them declared with a number in the same file", len(enums), declared)
	}
	return nil
}

// modUses finds fn's uses of the package variable mod, each as the X of a
// selector (mod.field or mod.method). Any other use, or a local variable
// named mod, is an error: the rules above would not know what to do.
func modUses(fn *ast.FuncDecl) ([]*ast.SelectorExpr, error) {
	var uses []*ast.SelectorExpr
	seen := map[*ast.Ident]bool{}
	var bad error
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			seen[n.Sel] = true // x.mod is a field, not the variable
			if id, ok := n.X.(*ast.Ident); ok && id.Name == "mod" {
				seen[id] = true
				uses = append(uses, n)
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				seen[id] = true // WasmModule{mod: ...} names a field
			}
		case *ast.Ident:
			if n.Name == "mod" && !seen[n] && bad == nil {
				if isAssignTarget(fn, n) {
					return true // mod = &WasmModule{...} in init
				}
				bad = fmt.Errorf("mod used other than as mod.X at offset %d", n.Pos())
			}
		}
		return true
	})
	return uses, bad
}

// isAssignTarget reports whether id is the left side of an assignment
// (not a definition) in init: the one place that sets mod.
func isAssignTarget(fn *ast.FuncDecl, id *ast.Ident) bool {
	if fn.Recv != nil || fn.Name.Name != "init" {
		return false
	}
	found := false
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
			for _, l := range as.Lhs {
				if l == id {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func isWasmModuleMethod(fn *ast.FuncDecl) bool {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return false
	}
	star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := star.X.(*ast.Ident)
	return ok && id.Name == "WasmModule"
}

func text(src []byte, off func(token.Pos) int, n ast.Node) string {
	return string(src[off(n.Pos()):off(n.End())])
}

// splice applies non-overlapping replacements to src.
func splice(src []byte, reps []replacement) []byte {
	sort.Slice(reps, func(i, j int) bool { return reps[i].start < reps[j].start })
	var b strings.Builder
	last := 0
	for _, r := range reps {
		if r.start < last {
			panic(fmt.Sprintf("overlapping replacements at offset %d", r.start))
		}
		b.Write(src[last:r.start])
		b.WriteString(r.text)
		last = r.end
	}
	b.Write(src[last:])
	return []byte(b.String())
}
