#!/usr/bin/python3
"""Translate LocalStack's Step Functions API tests into replay cases.

Reads ../shared/corpus/api/test_*.py with the standard library's `ast` (never
imports or runs them), follows each test body symbolically (fixtures and
LocalStack helpers become the API calls they make, loops over known lists are
unrolled, parametrized tests give one case per parameter) and writes
app/endpoint/testdata/replay/<file>.json: the call sequence, references to
earlier responses, and the snapshot key each response is recorded under.
Tests that need another AWS service, or that use Python the follower does not
understand, are listed under "skipped" with the reason; hand translations live
in app/endpoint/testdata/replay/hand/ and are not touched here.

A call is {"id", "op", "params", "match": [{"key", "form"?, "path"?}]}; params
hold {"$ref": id, "path": [...]} for an earlier answer, {"$uid": n} for
short_uid(), {"$concat"|"$replace"|"$slice"|"$json": ...} and {"$str": sN} for
the shared strings. "$wait" polls an execution (LocalStack's await_* helpers),
"$worker" plays an activity consumer, "$paginate" a boto3 paginator.

Usage: /usr/bin/python3 scripts/replay_gen.py [CORPUS_DIR] [OUT_DIR]
"""

import ast
import builtins
import copy
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS = os.path.join(REPO, "..", "shared", "corpus", "api")
OUT = os.path.join(REPO, "app", "endpoint", "testdata", "replay")

# Fixtures and clients that mean the test needs another AWS service.
SERVICE_FIXTURES = {
    "create_lambda_function": "Lambda",
    "create_lambda_function_aws": "Lambda",
    "sqs_send_task_success_state_machine": "SQS",
    "sqs_send_task_failure_state_machine": "SQS",
    "sqs_send_heartbeat_and_task_success_state_machine": "SQS",
    "sqs_receive_num_messages": "SQS",
    "sns_create_topic": "SNS",
    "sns_allow_topic_sqs_queue": "SNS",
    "sns_create_sqs_subscription": "SNS",
    "logs_create_log_group": "CloudWatch Logs",
    "sfn_create_log_group": "CloudWatch Logs",
    "dynamodb_create_table": "DynamoDB",
    "s3_bucket": "S3",
    "s3_create_bucket": "S3",
    "kms_create_key": "KMS",
    "events_create_event_bus": "EventBridge",
    "deploy_cfn_template": "CloudFormation",
}
SERVICE_CLIENTS = {
    "lambda_": "Lambda", "sqs": "SQS", "sns": "SNS", "logs": "CloudWatch Logs",
    "cloudformation": "CloudFormation", "s3": "S3", "dynamodb": "DynamoDB",
    "kms": "KMS", "events": "EventBridge", "iam": "IAM",
}
# Task resources that reach another service when an execution runs them.
RESOURCE_SERVICES = [
    (":lambda:", "Lambda"), (":::sqs:", "SQS"), (":::sns:", "SNS"),
    (":::dynamodb:", "DynamoDB"), (":::events:", "EventBridge"),
    (":::aws-sdk:s3", "S3"), (":::s3:", "S3"), (":::aws-sdk:", "an aws-sdk integration"),
    (":::ecs:", "ECS"), (":::batch:", "Batch"), (":::glue:", "Glue"),
    (":::apigateway:", "API Gateway"), (":::http:", "HTTP endpoint"),
]

ROLE_ARN = "arn:aws:iam::123456789012:role/stepstudio-replay"


class Unsupported(Exception):
    """The follower met Python it does not model: the test needs a hand translation."""


def camel(snake):
    return "".join(p[:1].upper() + p[1:] for p in snake.split("_"))


# ---------------------------------------------------------------- JSON5

def json5_loads(text):
    """Enough JSON5 for the corpus templates: comments, trailing commas,
    unquoted keys, single-quoted strings."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            q, j, buf = c, i + 1, []
            while text[j] != q:
                if text[j] == "\\":
                    buf.append(text[j:j + 2]); j += 2; continue
                if q == "'" and text[j] == '"':
                    buf.append('\\"'); j += 1; continue
                buf.append(text[j]); j += 1
            out.append('"' + "".join(buf).replace("\\'", "'") + '"')
            i = j + 1
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 2
        elif c.isalpha() or c in "_$":
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_$"):
                j += 1
            word = text[i:j]
            k = j
            while k < n and text[k] in " \t\r\n":
                k += 1
            if k < n and text[k] == ":" and word not in ("true", "false", "null"):
                out.append('"%s"' % word)
            else:
                out.append(word)
            i = j
        else:
            out.append(c); i += 1
    s = re.sub(r",(\s*[}\]])", r"\1", "".join(out))
    return json.loads(s)


# ---------------------------------------------------------------- templates

class Templates:
    """Class constants of templates/**/*.py (ClassName.ATTR -> file)."""

    def __init__(self, root):
        self.root = root
        self.consts = {}
        for d, _, files in os.walk(os.path.join(root, "templates")):
            for f in files:
                if f.endswith(".py"):
                    self._read(os.path.join(d, f))
        self.defs = {}

    def _read(self, path):
        tree = ast.parse(open(path).read())
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            for st in node.body:
                tgt = st.targets[0] if isinstance(st, ast.Assign) else getattr(st, "target", None)
                val = getattr(st, "value", None)
                if not isinstance(tgt, ast.Name) or val is None:
                    continue
                rel = None
                if isinstance(val, ast.Call) and getattr(val.func, "attr", "") == "join":
                    if isinstance(val.args[-1], ast.Constant):
                        rel = val.args[-1].value
                elif isinstance(val, ast.Constant) and isinstance(val.value, str):
                    rel = val.value
                if rel is not None:
                    self.consts["%s.%s" % (node.name, tgt.id)] = (
                        os.path.normpath(os.path.join(os.path.dirname(path), rel)))

    def load(self, path):
        if path not in self.defs:
            with open(path) as f:
                self.defs[path] = json5_loads(f.read())
        return copy.deepcopy(self.defs[path])


# ---------------------------------------------------------------- symbols

class Sym:
    """A value known only when the case is replayed."""

    def __init__(self, node):
        self.node = node

    def to_json(self):
        return self.node


class Resp(Sym):
    def __init__(self, call, path=()):
        self.call, self.path = call, list(path)
        super().__init__({"$ref": call, "path": self.path} if self.path else {"$ref": call})

    def sub(self, key):
        return Resp(self.call, self.path + [key])


class Exc:
    def __init__(self, call):
        self.call = call


class ExcValue:
    def __init__(self, call):
        self.call = call


class ExcResponse:
    def __init__(self, call):
        self.call = call


class ExcTypename:
    def __init__(self, call):
        self.call = call


class Filtered:
    """[x for x in RESP[...] if x[field] in NAMES]: matched as a filtered list."""

    def __init__(self, resp, field, names):
        self.resp, self.field, self.names = resp, field, names


class Func:
    def __init__(self, node, env):
        self.node, self.env = node, env


def enc(v):
    """Value -> case JSON (symbols become $ref/$uid/... objects)."""
    if isinstance(v, Sym):
        return v.to_json()
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, (Exc, ExcValue, ExcResponse, ExcTypename, Filtered, Func)):
        raise Unsupported("%s used as a request value" % type(v).__name__)
    return v


def has_sym(v):
    if isinstance(v, Sym):
        return True
    if isinstance(v, dict):
        return any(has_sym(x) for x in v.values())
    if isinstance(v, (list, tuple)):
        return any(has_sym(x) for x in v)
    return False


def concat(parts):
    parts = [p for p in parts if p != ""]
    if all(isinstance(p, str) for p in parts):
        return "".join(parts)
    return Sym({"$concat": [enc(p) for p in parts]})


# ---------------------------------------------------------------- follower

class Test:
    def __init__(self, gen, fn, cls, params, test_id):
        self.gen, self.fn, self.cls = gen, fn, cls
        self.id = test_id
        self.calls = []
        self.aliases = []
        self.needs = set()
        self.uid = 0
        self.params = params
        self.executed_defs = []
        self.created_defs = []
        self.pending_exc = None
        self.sort_refs = False

    # -- calls
    def call(self, op, params, expect_error=False):
        # a fixture's client argument (target_aws_client=...) is no request field
        params = {k: v for k, v in params.items()
                  if not (isinstance(v, tuple) and v and v[0] == "client")}
        if self.pending_exc is not None:
            expect_error = True
        c = {"id": len(self.calls) + 1, "op": op, "params": enc(params)}
        if expect_error:
            c["expectError"] = True
        c["match"] = []
        self.calls.append(c)
        if op in ("CreateStateMachine", "UpdateStateMachine") and "definition" in params:
            self.created_defs.append(params["definition"])
        if op in ("StartExecution", "StartSyncExecution"):
            self.executed_defs.extend(self.created_defs)
        if self.pending_exc is not None:
            self.pending_exc.append(c["id"])
        return Resp(c["id"])

    def wait(self, execution, until):
        self.calls.append({"id": len(self.calls) + 1, "op": "$wait",
                           "params": {"executionArn": enc(execution)}, "until": until, "match": []})

    def match(self, key, value):
        if isinstance(value, Resp):
            self.calls[value.call - 1]["match"].append(
                {"key": key, "path": value.path} if value.path else {"key": key})
        elif isinstance(value, ExcResponse):
            self.calls[value.call - 1]["match"].append({"key": key, "form": "response"})
        elif isinstance(value, (ExcValue, Exc)):
            self.calls[value.call - 1]["match"].append({"key": key, "form": "str"})
        elif isinstance(value, dict) and set(value) == {"exception_typename", "exception_value"}:
            c = value["exception_value"]
            self.calls[c.call - 1]["match"].append({"key": key, "form": "typename"})
        elif isinstance(value, Filtered):
            self.calls[value.resp.call - 1]["match"].append({
                "key": key, "path": value.resp.path,
                "filter": {"field": value.field, "in": enc(value.names)}})
        else:
            raise Unsupported("snapshot match of a computed value (%s)" % type(value).__name__)

    # -- statements
    def run(self, body, env):
        for st in body:
            r = self.stmt(st, env)
            if isinstance(r, tuple) and r[0] == "return":
                return r
        return None

    def stmt(self, st, env):
        if isinstance(st, ast.Expr):
            if isinstance(st.value, ast.Constant):
                return None  # docstring
            self.expr(st.value, env)
        elif isinstance(st, (ast.Assign, ast.AnnAssign)):
            targets = st.targets if isinstance(st, ast.Assign) else [st.target]
            if st.value is None:
                return None
            v = self.expr(st.value, env)
            for t in targets:
                self.assign(t, v, env)
        elif isinstance(st, ast.AugAssign):
            cur = self.expr(st.target, env)
            v = self.binop(st.op, cur, self.expr(st.value, env))
            self.assign(st.target, v, env)
        elif isinstance(st, ast.Delete):
            for t in st.targets:
                obj = self.expr(t.value, env)
                key = self.expr(t.slice, env)
                if has_sym(obj) or not isinstance(obj, (dict, list)):
                    raise Unsupported("del on a response")
                del obj[key]
        elif isinstance(st, ast.With):
            item = st.items[0]
            ce = item.context_expr
            if isinstance(ce, ast.Call) and getattr(ce.func, "attr", "") == "raises":
                saved, self.pending_exc = self.pending_exc, []
                self.run(st.body, env)
                ids, self.pending_exc = self.pending_exc, saved
                if not ids:
                    raise Unsupported("pytest.raises around no API call")
                if item.optional_vars is not None:
                    env[item.optional_vars.id] = Exc(ids[-1])
            else:
                raise Unsupported("with statement")
        elif isinstance(st, ast.For):
            it = self.expr(st.iter, env)
            if not isinstance(it, (list, tuple, range)):
                raise Unsupported("loop over a response")
            for x in it:
                self.assign(st.target, x, env)
                r = self.run(st.body, env)
                if r:
                    return r
        elif isinstance(st, ast.If):
            cond = self.expr(st.test, env)
            if has_sym(cond):
                raise Unsupported("if on a response")
            return self.run(st.body if cond else st.orelse, env)
        elif isinstance(st, ast.FunctionDef):
            env[st.name] = Func(st, env)
        elif isinstance(st, ast.Return):
            return ("return", self.expr(st.value, env) if st.value else None)
        elif isinstance(st, ast.Assert):
            self.assertion(st.test, env)
        elif isinstance(st, ast.Pass):
            pass
        elif isinstance(st, (ast.Import, ast.ImportFrom)):
            pass
        else:
            raise Unsupported(type(st).__name__ + " statement")
        return None

    ASSERT_OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.In: "in", ast.NotIn: "not in"}

    def assertion(self, test, env):
        """assert A == B / A != B / "k" in RESP / "k" not in RESP about an
        answer becomes a $assert check; asserts about the test's own Python
        values (or ones the follower cannot read) are left out."""
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1
                and type(test.ops[0]) in self.ASSERT_OPS):
            return
        try:
            left = self.expr(test.left, env)
            right = self.expr(test.comparators[0], env)
        except Unsupported:
            return
        if not (has_sym(left) or has_sym(right)):
            return
        try:
            params = {"left": enc(left), "op": self.ASSERT_OPS[type(test.ops[0])], "right": enc(right)}
        except Unsupported:
            return
        self.calls.append({"id": len(self.calls) + 1, "op": "$assert", "params": params,
                           "text": ast.unparse(test), "match": []})

    def assign(self, t, v, env):
        if isinstance(t, ast.Name):
            env[t.id] = v
        elif isinstance(t, ast.Tuple):
            if isinstance(v, Sym):
                raise Unsupported("unpacking a response")
            for tt, vv in zip(t.elts, v):
                self.assign(tt, vv, env)
        elif isinstance(t, ast.Subscript):
            obj = self.expr(t.value, env)
            key = self.expr(t.slice, env)
            if isinstance(obj, Sym) or not isinstance(obj, (dict, list)):
                raise Unsupported("assignment into a response")
            obj[key] = v
        else:
            raise Unsupported("assignment to " + type(t).__name__)

    # -- expressions
    def expr(self, e, env):
        if isinstance(e, ast.Constant):
            return e.value
        if isinstance(e, ast.Name):
            if e.id in env:
                return env[e.id]
            if e.id in ("None", "True", "False"):
                return {"None": None, "True": True, "False": False}[e.id]
            return ("name", e.id)
        if isinstance(e, ast.JoinedStr):
            parts = []
            for v in e.values:
                if isinstance(v, ast.Constant):
                    parts.append(v.value)
                else:
                    x = self.expr(v.value, env)
                    parts.append(x if isinstance(x, Sym) else format(x, v.format_spec.values[0].value) if v.format_spec else str(x))
            return concat(parts)
        if isinstance(e, ast.Dict):
            out = {}
            for k, v in zip(e.keys, e.values):
                if k is None:
                    out.update(self.expr(v, env))
                else:
                    out[self.expr(k, env)] = self.expr(v, env)
            return out
        if isinstance(e, (ast.List, ast.Tuple)):
            return [self.expr(x, env) for x in e.elts]
        if isinstance(e, ast.Attribute):
            base = self.expr(e.value, env)
            if isinstance(base, Exc):
                return {"value": ExcValue(base.call), "typename": ExcTypename(base.call)}.get(e.attr) or self._unsup("exception ." + e.attr)
            if isinstance(base, ExcValue) and e.attr == "response":
                return ExcResponse(base.call)
            if isinstance(base, tuple) and base[0] == "name":
                full = "%s.%s" % (self.gen.class_alias.get(base[1], base[1]), e.attr)
                if full in self.gen.templates.consts:
                    return self.gen.templates.consts[full]
                if base[1] == "StateMachineType":
                    return e.attr
                return ("name", "%s.%s" % (base[1], e.attr))
            if isinstance(base, tuple) and base[0] == "client":
                return ("client", base[1] + "." + e.attr)
            raise Unsupported("attribute ." + e.attr)
        if isinstance(e, ast.Subscript):
            obj = self.expr(e.value, env)
            if isinstance(e.slice, ast.Slice):
                lo = self.expr(e.slice.lower, env) if e.slice.lower else None
                hi = self.expr(e.slice.upper, env) if e.slice.upper else None
                if isinstance(obj, Sym):
                    return Sym({"$slice": [enc(obj), lo, hi]})
                if has_sym(obj):
                    raise Unsupported("slice of a list of responses")
                return obj[lo:hi]
            key = self.expr(e.slice, env)
            if isinstance(obj, Resp):
                return obj.sub(key)
            if isinstance(obj, ExcResponse):
                raise Unsupported("reading an error response")
            if has_sym(key):
                raise Unsupported("index by a response value")
            return obj[key]
        if isinstance(e, ast.BinOp):
            return self.binop(e.op, self.expr(e.left, env), self.expr(e.right, env))
        if isinstance(e, ast.Compare) or isinstance(e, ast.BoolOp) or isinstance(e, ast.UnaryOp):
            try:
                return eval(compile(ast.Expression(e), "<cmp>", "eval"), {}, self._plain(env))
            except Exception:
                raise Unsupported("condition on a response")
        if isinstance(e, ast.ListComp):
            return self.listcomp(e, env)
        if isinstance(e, ast.Lambda):
            return Func(ast.FunctionDef(name="<lambda>", args=e.args, body=[ast.Return(e.body)],
                                        decorator_list=[]), env)
        if isinstance(e, ast.Call):
            return self.callexpr(e, env)
        raise Unsupported(type(e).__name__ + " expression")

    def _plain(self, env):
        return {k: v for k, v in env.items() if not has_sym(v) and not isinstance(v, (Func, tuple))}

    def _unsup(self, what):
        raise Unsupported(what)

    def binop(self, op, a, b):
        if isinstance(op, ast.Add) and (isinstance(a, (str, Sym)) and isinstance(b, (str, Sym))):
            return concat([a, b])
        if has_sym(a) or has_sym(b):
            raise Unsupported("arithmetic on a response")
        return {ast.Add: lambda: a + b, ast.Mult: lambda: a * b, ast.Sub: lambda: a - b,
                ast.Mod: lambda: a % b}[type(op)]()

    def listcomp(self, e, env):
        gen = e.generators[0]
        it = self.expr(gen.iter, env)
        if isinstance(it, Resp) and len(e.generators) == 1 and isinstance(e.elt, ast.Name):
            # [sm for sm in resp["stateMachines"] if sm["name"] in names]
            if (len(gen.ifs) == 1 and isinstance(gen.ifs[0], ast.Compare)
                    and isinstance(gen.ifs[0].ops[0], ast.In)
                    and isinstance(gen.ifs[0].left, ast.Subscript)):
                field = self.expr(gen.ifs[0].left.slice, env)
                names = self.expr(gen.ifs[0].comparators[0], env)
                return Filtered(it, field, names)
            raise Unsupported("list comprehension over a response")
        if not isinstance(it, (list, tuple, range, str)):
            raise Unsupported("list comprehension over a response")
        out = []
        for x in it:
            inner = dict(env)
            self.assign(gen.target, x, inner)
            if all(self.expr(c, inner) for c in gen.ifs):
                out.append(self.expr(e.elt, inner))
        return out

    def kwargs(self, e, env):
        kw = {}
        for k in e.keywords:
            v = self.expr(k.value, env)
            if k.arg is None:
                kw.update(v)
            else:
                kw[k.arg] = v
        return kw

    def callexpr(self, e, env):
        f = e.func
        args = [self.expr(a, env) for a in e.args]
        kw = self.kwargs(e, env)
        # method on a value
        if isinstance(f, ast.Attribute):
            base = self.expr(f.value, env)
            name = f.attr
            if isinstance(base, tuple) and base[0] == "client":
                svc = base[1].split(".")[-1]
                if svc == "stepfunctions":
                    if name == "get_paginator":
                        raise Unsupported("paginator")
                    return self.call(camel(name), kw)
                self.needs.add(SERVICE_CLIENTS.get(svc, svc))
                raise Unsupported("needs " + svc)
            if isinstance(base, tuple) and base[0] == "name":
                qual = base[1]
                if name == "load_sfn_template":
                    return self.gen.templates.load(args[0])
                if qual == "json" and name == "dumps":
                    if has_sym(args[0]):
                        return Sym({"$json": enc(args[0])})
                    return json.dumps(args[0], **{k: v for k, v in kw.items() if k in ("indent",)})
                if qual == "json" and name == "loads":
                    if has_sym(args[0]):
                        raise Unsupported("json.loads of a response")
                    return json.loads(args[0])
                if qual == "sfn_snapshot":
                    if name == "match":
                        self.match(args[0], args[1])
                    elif name == "add_transformer":
                        self.transformer(args[0] if args else None)
                    elif name == "add_transformers_list":
                        for t in args[0]:
                            self.transformer(t)
                    return None
                if qual == "sfn_snapshot.transform":
                    return ("transform", name)
                if qual == "time" and name == "sleep":
                    return None
                if qual == "pytest" and name == "skip":
                    raise Unsupported("pytest.skip")
                raise Unsupported("call %s.%s" % (qual, name))
            if isinstance(base, str):
                if name == "replace":
                    return base.replace(*args)
                if name in ("upper", "lower", "strip", "format", "join", "split"):
                    return getattr(base, name)(*args)
            if isinstance(base, Sym) and name == "replace":
                return Sym({"$replace": [enc(base), enc(args[0]), enc(args[1])]})
            if isinstance(base, dict) and name in ("update", "get", "pop", "copy", "keys"):
                return getattr(base, name)(*args)
            if isinstance(base, set) and name in ("add", "update"):
                return getattr(base, name)(*args)
            if isinstance(base, list) and name in ("append", "extend", "pop", "reverse", "index"):
                return getattr(base, name)(*args)
            if isinstance(base, Resp) and name == "get":
                return base.sub(args[0])
            raise Unsupported("method ." + name)
        if not isinstance(f, ast.Name):
            raise Unsupported("call of an expression")
        name = f.id
        if name in env and isinstance(env[name], Func):
            return self.inline(env[name], args, kw)
        if name in env and env[name] == ("class", "_SfnSortVariableReferences"):
            return ("sortVariableReferences",)
        return self.builtin(name, args, kw, e, env)

    def inline(self, fn, args, kw):
        inner = dict(fn.env)
        a = fn.node.args
        names = [x.arg for x in a.args]
        defaults = a.defaults
        for i, n in enumerate(names):
            if i < len(args):
                inner[n] = args[i]
            elif n in kw:
                inner[n] = kw.pop(n)
            else:
                d = defaults[i - (len(names) - len(defaults))]
                inner[n] = self.expr(d, fn.env)
        for x, d in zip(a.kwonlyargs, a.kw_defaults):
            inner[x.arg] = kw.pop(x.arg) if x.arg in kw else (self.expr(d, fn.env) if d else None)
        if a.kwarg:
            inner[a.kwarg.arg] = kw
        r = self.run(fn.node.body, inner)
        return r[1] if r else None

    def transformer(self, t):
        if t == ("sortVariableReferences",):
            self.sort_refs = True
        if isinstance(t, tuple) and t[0] == "regex" and isinstance(t[2], str):
            if t[2] not in self.aliases:
                self.aliases.append(t[2])

    def builtin(self, name, args, kw, e, env):
        t = self
        if name == "short_uid":
            t.uid += 1
            return Sym({"$uid": t.uid})
        if name == "RegexTransformer":
            return ("regex", args[0] if args else kw.get("regex"), args[1] if len(args) > 1 else kw.get("replacement"))
        if name in ("JsonpathTransformer", "GenericTransformer", "KeyValueBasedTransformer"):
            return ("transformer",)
        if name in ("Tag", "RoutingConfigurationListItem", "dict", "LoggingConfiguration",
                    "LogDestination", "CloudWatchLogsLogGroup", "TracingConfiguration"):
            return dict(kw)
        if name == "len" and len(args) == 1 and isinstance(args[0], Resp):
            return Sym({"$len": enc(args[0])})
        if name in ("enumerate", "zip", "len", "list", "reversed") and all(isinstance(a, (list, tuple, range, str)) for a in args):
            fn = getattr(builtins, name)
            return list(fn(*args)) if name != "len" else fn(*args)
        if name == "chain":
            return [x for a in args for x in a]
        if name == "set" and not any(has_sym(a) for a in args):
            return set(*args)
        if name in ("range", "enumerate", "len", "str", "list", "zip", "sorted", "int", "chr", "reversed"):
            if any(has_sym(a) for a in args):
                raise Unsupported(name + " of a response")
            fn = getattr(builtins, name)
            return list(fn(*args)) if name in ("range", "enumerate", "zip", "reversed") else fn(*args)
        if name == "sqs_create_queue":
            # A queue only named in the request: the state machines that would
            # send to it are caught by their Task resources when they run.
            return "https://sqs.us-east-1.amazonaws.com/123456789012/replay-queue"
        if name == "sfn_activity_consumer":
            return self.worker(kw.get("template"), kw.get("activity_arn"))
        if name in SERVICE_FIXTURES:
            t.needs.add(SERVICE_FIXTURES[name])
            raise Unsupported("needs " + SERVICE_FIXTURES[name])
        if name == "create_state_machine_iam_role":
            # A new role each call, as the fixture makes one: tests that
            # update a state machine's role compare revisions across them.
            t.roles = getattr(t, "roles", 0) + 1
            return ROLE_ARN if t.roles == 1 else f"{ROLE_ARN}-{t.roles}"
        if name == "create_state_machine":
            return t.call("CreateStateMachine", kw)
        if name == "create_state_machine_alias":
            return t.call("CreateStateMachineAlias", kw)
        if name == "create_activity":
            return t.call("CreateActivity", kw)
        if name == "create_state_machine_with_iam_role":
            return self.helper_create(args, kw)
        if name == "create_and_record_execution":
            arn = self.helper_create(args, kw)
            self.launch_and_record(arn, args[5] if len(args) > 5 else kw.get("execution_input"),
                                   args[6] if len(args) > 6 else kw.get("verify_execution_description", False))
            return None
        if name == "launch_and_record_execution":
            self.launch_and_record(args[2] if len(args) > 2 else kw["state_machine_arn"],
                                   args[3] if len(args) > 3 else kw.get("execution_input"),
                                   kw.get("verify_execution_description", False))
            return None
        if name in ("await_execution_terminated", "await_execution_success", "await_execution_aborted",
                    "await_execution_started", "await_execution_lists_terminated"):
            arn = kw.get("execution_arn", args[1] if len(args) > 1 else None)
            until = {"await_execution_terminated": "terminated", "await_execution_success": "SUCCEEDED",
                     "await_execution_aborted": "ABORTED", "await_execution_started": "started",
                     "await_execution_lists_terminated": "terminated"}[name]
            if arn is None:
                raise Unsupported(name + " without an execution ARN")
            t.wait(arn, until)
            return None
        if name.startswith("await_state_machine") or name in ("wait_until", "retry"):
            # Eventual consistency waits: a local endpoint is consistent at once,
            # but a waiter that lists or describes records no snapshot, so skip it.
            return None
        if name == "await_list_execution_status":
            t.wait(kw["execution_arn"], kw["status"])
            return None
        if name == "await_on_execution_events":
            # Every use in the corpus waits for the first state to be entered.
            t.wait(kw["execution_arn"], "stateEntered")
            return None
        if name == "create_and_record_express_sync_execution":
            definition = args[4] if len(args) > 4 else kw["definition"]
            arn = self.helper_create(args[:4] + [definition], {"state_machine_type": "EXPRESS"})
            inp = args[5] if len(args) > 5 else kw.get("execution_input")
            params = {"stateMachineArn": arn}
            if inp is not None:
                params["input"] = inp
            self.match("start_execution_sync_response", self.call("StartSyncExecution", params))
            return None
        if name in ("is_aws_cloud",):
            return True
        raise Unsupported("call " + name)

    # The activity consumer fixture runs a state machine that polls the
    # activity with the aws-sdk:sfn integration and answers the task. Its
    # calls record nothing, so the harness plays it as a worker ($worker)
    # doing what the consumer's definition does, named by its Comment.
    WORKERS = {
        "BASE_ID_ACTIVITY_CONSUMER": "success",          # SendTaskSuccess(output=input)
        "BASE_ID_ACTIVITY_CONSUMER_FAIL": "fail",        # SendTaskFailure("Programmatic Error", cause=input)
        "BASE_ID_ACTIVITY_CONSUMER_TIMEOUT": "take",     # takes the task, never answers
        "HEARTBEAT_ID_ACTIVITY_CONSUMER": "heartbeat",   # wait 2 s, heartbeat, wait 2 s, success
    }

    def worker(self, template, activity_arn):
        if not isinstance(template, dict) or template.get("Comment") not in self.WORKERS:
            raise Unsupported("activity consumer template")
        params = {"activityArn": enc(activity_arn), "do": self.WORKERS[template["Comment"]]}
        get = template["States"]["GetActivityTask"]["Parameters"]
        if "WorkerName" in get:
            params["workerName"] = get["WorkerName"]
        self.calls.append({"id": len(self.calls) + 1, "op": "$worker", "params": params, "match": []})
        return None

    def helper_create(self, args, kw):
        # create_state_machine_with_iam_role(client, role_fixture, create_fixture,
        #   snapshot, definition, logging_configuration=None, state_machine_name=None,
        #   state_machine_type=STANDARD) -> the state machine ARN
        definition = args[4] if len(args) > 4 else kw["definition"]
        params = {"name": kw.get("state_machine_name") or concat(
            ["statemachine_create_and_record_execution_", self.builtin("short_uid", [], {}, None, None)]),
            "definition": definition, "roleArn": ROLE_ARN}
        if kw.get("logging_configuration") is not None:
            params["loggingConfiguration"] = kw["logging_configuration"]
        if kw.get("state_machine_type") is not None:
            params["type"] = kw["state_machine_type"]
        if "snf_role_arn" not in self.aliases:
            self.aliases.append("snf_role_arn")
        resp = self.call("CreateStateMachine", params)
        if kw.get("state_machine_type") == "EXPRESS":
            self.match("creation_response", resp)
        return resp.sub("stateMachineArn")

    def launch_and_record(self, sm_arn, execution_input, verify):
        params = {"stateMachineArn": sm_arn}
        if execution_input is not None:
            params["input"] = execution_input
        ex = self.call("StartExecution", params).sub("executionArn")
        self.wait(ex, "terminated")
        if verify:
            self.match("describe_execution", self.call("DescribeExecution", {"executionArn": ex}))
        self.match("get_execution_history", self.call("GetExecutionHistory", {"executionArn": ex}))

    def services_of_executions(self):
        for d in self.executed_defs:
            text = d if isinstance(d, str) else json.dumps(enc(d))
            for frag, svc in RESOURCE_SERVICES:
                if frag in text:
                    self.needs.add(svc)


# ---------------------------------------------------------------- parametrize

def pytest_id(v, argname, i):
    if isinstance(v, str):
        return v.encode("unicode_escape").decode("ascii")
    if isinstance(v, tuple) and v[0] == "name":
        return v[1].split(".")[-1]
    if isinstance(v, (int, float, bool)) or v is None:
        return str(v)
    return "%s%d" % (argname, i)


class Gen:
    def __init__(self, corpus):
        self.corpus = corpus
        self.templates = Templates(corpus)

    def file(self, path):
        src = open(path).read()
        tree = ast.parse(src)
        self.class_alias = {}
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                for a in node.names:
                    if a.asname:
                        self.class_alias[a.asname] = a.name
        self.module_env = {}
        self.helper_needs = {}
        t = Test(self, None, None, {}, "")
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("Test"):
                self.module_env[node.name] = ("class", node.name)
            elif isinstance(node, ast.FunctionDef):
                self.module_env[node.name] = Func(node, self.module_env)
                body = ast.get_source_segment(src, node) or ""
                svcs = {SERVICE_CLIENTS.get(m, m) for m in re.findall(
                    r"\.(sqs|sns|lambda_|logs|s3|dynamodb|events|kms)\.", body)}
                if svcs:
                    self.helper_needs[node.name] = svcs
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                tgt = node.targets[0] if isinstance(node, ast.Assign) else node.target
                try:
                    t.assign(tgt, t.expr(node.value, self.module_env), self.module_env)
                except (Unsupported, Exception):
                    pass
        snap_path = path.replace(".py", ".snapshot.json")
        snap = json.load(open(snap_path))
        snap_ids = {k.split("::", 1)[1]: k for k in snap}
        cases, skipped = [], []
        for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
            for fn in [n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")]:
                fn_src = ast.get_source_segment(src, fn) or ""
                fn_needs = {SERVICE_FIXTURES[a.arg] for a in fn.args.args if a.arg in SERVICE_FIXTURES}
                fn_needs |= {SERVICE_CLIENTS.get(m, m) for m in re.findall(
                    r"aws_client(?:_no_retry)?\.(\w+)\.", fn_src) if m != "stepfunctions"}
                for helper, svcs in self.helper_needs.items():
                    if re.search(r"\b%s\b" % re.escape(helper), fn_src):
                        fn_needs |= svcs
                if fn_needs:
                    # the recorded ids, whatever the parameters were
                    prefix = "%s::%s" % (cls.name, fn.name)
                    for full in sorted(k for k in snap_ids if k == prefix or k.startswith(prefix + "[")):
                        skipped.append({"test": full, "needs": sorted(fn_needs)})
                    continue
                for test_id, params, pre_skip in self.variants(cls, fn):
                    full = "%s::%s" % (cls.name, test_id)
                    if pre_skip:
                        skipped.append({"test": full, "reason": pre_skip})
                        continue
                    if full not in snap_ids:
                        skipped.append({"test": full, "reason": "no AWS recording in the snapshot"})
                        continue
                    if pre_skip:
                        skipped.append({"test": full, "reason": pre_skip})
                        continue
                    t = Test(self, fn, cls, params, full)
                    fixtures = [a.arg for a in fn.args.args]
                    for fx in fixtures:
                        if fx in SERVICE_FIXTURES:
                            t.needs.add(SERVICE_FIXTURES[fx])
                    env = dict(self.module_env)
                    env.update({"aws_client": ("client", "aws_client"),
                           "aws_client_no_sync_prefix": ("client", "aws_client"),
                           "aws_client_no_retry": ("client", "aws_client_no_retry"),
                           "target_aws_client": ("client", "aws_client"),
                           "sfn_snapshot": ("name", "sfn_snapshot")})
                    env.update(params)
                    reason = None
                    try:
                        t.run(fn.body, env)
                    except Unsupported as ex:
                        reason = str(ex)
                    except Exception as ex:  # a bug in the follower: say so, never hide it
                        reason = "follower error: %s: %s" % (type(ex).__name__, ex)
                    t.services_of_executions()
                    if t.needs:
                        skipped.append({"test": full, "needs": sorted(t.needs)})
                        continue
                    if reason:
                        skipped.append({"test": full, "reason": "needs hand translation: " + reason})
                        continue
                    recorded = set(snap[snap_ids[full]]["recorded-content"])
                    matched = {m["key"] for c in t.calls for m in c["match"]}
                    case = {"test": full, "calls": t.calls}
                    if t.aliases:
                        case["aliases"] = t.aliases
                    if t.sort_refs:
                        case["sortVariableReferences"] = True
                    missing = sorted(recorded - matched)
                    if missing:
                        case["unmatchedKeys"] = missing
                    cases.append(case)
        return {"source": os.path.basename(path), "cases": cases, "skipped": skipped}

    def variants(self, cls, fn):
        marks = []
        for d in fn.decorator_list:
            if isinstance(d, ast.Call) and getattr(d.func, "attr", "") == "parametrize":
                marks.append(d)
        if not marks:
            yield fn.name, {}, None
            return
        combos = [("", {})]
        for d in reversed(marks):  # pytest ids list the innermost decorator first
            names = [n.strip() for n in d.args[0].value.split(",")]
            t = Test(self, fn, cls, {}, "")
            try:
                values = t.expr(d.args[1], dict(self.module_env))
            except Unsupported as ex:
                yield fn.name, {}, "parameters not understood: %s" % ex
                return
            ids = None
            for k in d.keywords:
                if k.arg == "ids":
                    ids = t.expr(k.value, dict(self.module_env))
            out = []
            for i, v in enumerate(values):
                vals = v if len(names) > 1 else [v]
                pid = ids[i] if ids else "-".join(pytest_id(x, n, i) for x, n in zip(vals, names))
                for prev_id, prev in combos:
                    p = dict(prev)
                    p.update(dict(zip(names, vals)))
                    out.append((prev_id + ("-" if prev_id else "") + str(pid), p))
            combos = out
        for pid, p in combos:
            if any(isinstance(v, tuple) for v in p.values()):
                yield "%s[%s]" % (fn.name, pid), p, "parameters not understood"
            else:
                yield "%s[%s]" % (fn.name, pid), p, None


def share_strings(res):
    """Long strings used more than once (definitions) go to one table,
    referenced as {"$str": "sN"}, to keep the files small."""
    counts = {}

    def walk(v, f):
        if isinstance(v, dict):
            return {k: walk(x, f) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x, f) for x in v]
        return f(v)

    def count(v):
        if isinstance(v, str) and len(v) > 80:
            counts[v] = counts.get(v, 0) + 1
        return v

    walk(res["cases"], count)
    table = {}
    for v, n in counts.items():
        if n > 1:
            table[v] = "s%d" % (len(table) + 1)
    res["cases"] = walk(res["cases"], lambda v: {"$str": table[v]} if isinstance(v, str) and v in table else v)
    res["strings"] = {k: v for v, k in table.items()}
    return res


def render(res):
    """One case or skipped test a line: small, and diffs read well."""
    out = ['{"source": %s,' % json.dumps(res["source"]), ' "strings": {']
    out.append(",\n".join("  %s: %s" % (json.dumps(k), json.dumps(v)) for k, v in res["strings"].items()))
    out.append(' },\n "cases": [')
    out.append(",\n".join("  " + json.dumps(c) for c in res["cases"]))
    out.append(' ],\n "skipped": [')
    out.append(",\n".join("  " + json.dumps(c) for c in res["skipped"]))
    out.append(" ]\n}\n")
    return "\n".join(out)


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else CORPUS
    out = sys.argv[2] if len(sys.argv) > 2 else OUT
    os.makedirs(out, exist_ok=True)
    g = Gen(corpus)
    tot_c = tot_s = 0
    for f in sorted(os.listdir(corpus)):
        if not (f.startswith("test_") and f.endswith(".py")):
            continue
        res = g.file(os.path.join(corpus, f))
        dest = os.path.join(out, f[:-3] + ".json")
        with open(dest + ".tmp", "w") as fh:
            fh.write(render(share_strings(res)))
        os.replace(dest + ".tmp", dest)
        tot_c += len(res["cases"])
        tot_s += len(res["skipped"])
        print("%-45s %3d cases, %3d skipped" % (f, len(res["cases"]), len(res["skipped"])))
    print("total: %d cases, %d skipped" % (tot_c, tot_s))


if __name__ == "__main__":
    main()
