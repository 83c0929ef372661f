export namespace app {
	
	export class Analysis {
	    diagnostics: schema.Diagnostic[];
	    diagram?: diagram.Diagram;
	    layoutError?: string;
	
	    static createFrom(source: any = {}) {
	        return new Analysis(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.diagnostics = this.convertValues(source["diagnostics"], schema.Diagnostic);
	        this.diagram = this.convertValues(source["diagram"], diagram.Diagram);
	        this.layoutError = source["layoutError"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Carried {
	    exists: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Carried(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.exists = source["exists"];
	    }
	}
	export class ClientSetting {
	    client: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new ClientSetting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.client = source["client"];
	        this.text = source["text"];
	    }
	}
	export class Connection {
	    connected: boolean;
	    settings: cloud.Settings;
	    region?: string;
	    local: boolean;
	    identity?: cloud.Identity;
	    identityProblem?: cloud.Problem;
	
	    static createFrom(source: any = {}) {
	        return new Connection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.connected = source["connected"];
	        this.settings = this.convertValues(source["settings"], cloud.Settings);
	        this.region = source["region"];
	        this.local = source["local"];
	        this.identity = this.convertValues(source["identity"], cloud.Identity);
	        this.identityProblem = this.convertValues(source["identityProblem"], cloud.Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Document {
	    name: string;
	    path: string;
	    text: string;
	    format: string;
	    input: string;
	
	    static createFrom(source: any = {}) {
	        return new Document(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.text = source["text"];
	        this.format = source["format"];
	        this.input = source["input"];
	    }
	}
	export class EndpointRequest {
	    // Go type: time
	    time: any;
	    operation: string;
	    status: number;
	    durationMs: number;
	
	    static createFrom(source: any = {}) {
	        return new EndpointRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.time = this.convertValues(source["time"], null);
	        this.operation = source["operation"];
	        this.status = source["status"];
	        this.durationMs = source["durationMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EndpointStatus {
	    on: boolean;
	    state: string;
	    error?: string;
	    port: number;
	    url: string;
	    data: string;
	    env: endpoint.EnvVar[];
	    clients: ClientSetting[];
	    requests: EndpointRequest[];
	    runs: runs.Meta[];
	
	    static createFrom(source: any = {}) {
	        return new EndpointStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.on = source["on"];
	        this.state = source["state"];
	        this.error = source["error"];
	        this.port = source["port"];
	        this.url = source["url"];
	        this.data = source["data"];
	        this.env = this.convertValues(source["env"], endpoint.EnvVar);
	        this.clients = this.convertValues(source["clients"], ClientSetting);
	        this.requests = this.convertValues(source["requests"], EndpointRequest);
	        this.runs = this.convertValues(source["runs"], runs.Meta);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportWritten {
	    folder: string;
	    written: string[];
	    existing: string[];
	
	    static createFrom(source: any = {}) {
	        return new ExportWritten(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.written = source["written"];
	        this.existing = source["existing"];
	    }
	}
	export class NotesLoaded {
	    path: string;
	    notes?: sidecar.File;
	    orphans: string[];
	
	    static createFrom(source: any = {}) {
	        return new NotesLoaded(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.notes = this.convertValues(source["notes"], sidecar.File);
	        this.orphans = source["orphans"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SaveRunRequest {
	    workflowPath: string;
	    logicalId: string;
	    definition: string;
	    runId: string;
	    name: string;
	    runStatus: string;
	
	    static createFrom(source: any = {}) {
	        return new SaveRunRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workflowPath = source["workflowPath"];
	        this.logicalId = source["logicalId"];
	        this.definition = source["definition"];
	        this.runId = source["runId"];
	        this.name = source["name"];
	        this.runStatus = source["runStatus"];
	    }
	}
	export class TemplateDeploy {
	    config: sidecar.Deploy;
	    where: iac.TemplateSettings;
	
	    static createFrom(source: any = {}) {
	        return new TemplateDeploy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.config = this.convertValues(source["config"], sidecar.Deploy);
	        this.where = this.convertValues(source["where"], iac.TemplateSettings);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestStateRequest {
	    input: string;
	    variables: string;
	    context: string;
	    inspectionLevel: string;
	    mock?: teststate.Mock;
	    retrierRetryCount?: number;
	    errorCausedByState?: string;
	    mapIterationFailureCount?: number;
	    mapItemReaderData?: string;
	
	    static createFrom(source: any = {}) {
	        return new TestStateRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input = source["input"];
	        this.variables = source["variables"];
	        this.context = source["context"];
	        this.inspectionLevel = source["inspectionLevel"];
	        this.mock = this.convertValues(source["mock"], teststate.Mock);
	        this.retrierRetryCount = source["retrierRetryCount"];
	        this.errorCausedByState = source["errorCausedByState"];
	        this.mapIterationFailureCount = source["mapIterationFailureCount"];
	        this.mapItemReaderData = source["mapItemReaderData"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestStateResult {
	    response?: teststate.Response;
	    refused?: teststate.APIError;
	    request: number[];
	
	    static createFrom(source: any = {}) {
	        return new TestStateResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.response = this.convertValues(source["response"], teststate.Response);
	        this.refused = this.convertValues(source["refused"], teststate.APIError);
	        this.request = source["request"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestsRequest {
	    workflowPath: string;
	    logicalId: string;
	    definition: string;
	    only: string[];
	
	    static createFrom(source: any = {}) {
	        return new TestsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workflowPath = source["workflowPath"];
	        this.logicalId = source["logicalId"];
	        this.definition = source["definition"];
	        this.only = source["only"];
	    }
	}

}

export namespace asl {
	
	export class Pos {
	    line: number;
	    column: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new Pos(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.offset = source["offset"];
	    }
	}
	export class Range {
	    start: Pos;
	    end: Pos;
	
	    static createFrom(source: any = {}) {
	        return new Range(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = this.convertValues(source["start"], Pos);
	        this.end = this.convertValues(source["end"], Pos);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace cloud {
	
	export class DeployOptions {
	    force: boolean;
	    publish: boolean;
	    versionDescription?: string;
	    alias?: string;
	    substitutions?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new DeployOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.force = source["force"];
	        this.publish = source["publish"];
	        this.versionDescription = source["versionDescription"];
	        this.alias = source["alias"];
	        this.substitutions = source["substitutions"];
	    }
	}
	export class Deployed {
	    arn: string;
	    name: string;
	    type: string;
	    roleArn: string;
	    definition: string;
	    hash: string;
	    revisionId?: string;
	    config: sidecar.Deploy;
	
	    static createFrom(source: any = {}) {
	        return new Deployed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.arn = source["arn"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.roleArn = source["roleArn"];
	        this.definition = source["definition"];
	        this.hash = source["hash"];
	        this.revisionId = source["revisionId"];
	        this.config = this.convertValues(source["config"], sidecar.Deploy);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Plan {
	    create: boolean;
	    arn?: string;
	    same: boolean;
	    diff?: flowdiff.Result;
	    changed: boolean;
	    changedWhy?: string;
	    deployed: Deployed;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.create = source["create"];
	        this.arn = source["arn"];
	        this.same = source["same"];
	        this.diff = this.convertValues(source["diff"], flowdiff.Result);
	        this.changed = source["changed"];
	        this.changedWhy = source["changedWhy"];
	        this.deployed = this.convertValues(source["deployed"], Deployed);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DeployResult {
	    plan?: Plan;
	    arn: string;
	    created: boolean;
	    updated: boolean;
	    revisionId?: string;
	    versionArn?: string;
	    aliasArn?: string;
	    pulled: sidecar.DeployPulled;
	
	    static createFrom(source: any = {}) {
	        return new DeployResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.plan = this.convertValues(source["plan"], Plan);
	        this.arn = source["arn"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.revisionId = source["revisionId"];
	        this.versionArn = source["versionArn"];
	        this.aliasArn = source["aliasArn"];
	        this.pulled = this.convertValues(source["pulled"], sidecar.DeployPulled);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Execution {
	    executionArn: string;
	    stateMachineArn: string;
	    name: string;
	    status: string;
	    startDate?: string;
	    stopDate?: string;
	    input?: string;
	    output?: string;
	    error?: string;
	    cause?: string;
	    mapRunArn?: string;
	    redriveCount?: number;
	    redriveStatus?: string;
	    redriveStatusReason?: string;
	    express?: boolean;
	    historyNote?: string;
	
	    static createFrom(source: any = {}) {
	        return new Execution(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.executionArn = source["executionArn"];
	        this.stateMachineArn = source["stateMachineArn"];
	        this.name = source["name"];
	        this.status = source["status"];
	        this.startDate = source["startDate"];
	        this.stopDate = source["stopDate"];
	        this.input = source["input"];
	        this.output = source["output"];
	        this.error = source["error"];
	        this.cause = source["cause"];
	        this.mapRunArn = source["mapRunArn"];
	        this.redriveCount = source["redriveCount"];
	        this.redriveStatus = source["redriveStatus"];
	        this.redriveStatusReason = source["redriveStatusReason"];
	        this.express = source["express"];
	        this.historyNote = source["historyNote"];
	    }
	}
	export class ExecutionPage {
	    executions: Execution[];
	    nextToken?: string;
	
	    static createFrom(source: any = {}) {
	        return new ExecutionPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.executions = this.convertValues(source["executions"], Execution);
	        this.nextToken = source["nextToken"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HistoryOptions {
	    reverse?: boolean;
	    max?: number;
	    nextToken?: string;
	
	    static createFrom(source: any = {}) {
	        return new HistoryOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reverse = source["reverse"];
	        this.max = source["max"];
	        this.nextToken = source["nextToken"];
	    }
	}
	export class HistoryPage {
	    events: number[][];
	    nextToken?: string;
	
	    static createFrom(source: any = {}) {
	        return new HistoryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.events = source["events"];
	        this.nextToken = source["nextToken"];
	    }
	}
	export class Identity {
	    account: string;
	    arn: string;
	    userId: string;
	
	    static createFrom(source: any = {}) {
	        return new Identity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.account = source["account"];
	        this.arn = source["arn"];
	        this.userId = source["userId"];
	    }
	}
	export class ListFilter {
	    status?: string;
	    nameContains?: string;
	    max?: number;
	    nextToken?: string;
	    mapRunArn?: string;
	
	    static createFrom(source: any = {}) {
	        return new ListFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.nameContains = source["nameContains"];
	        this.max = source["max"];
	        this.nextToken = source["nextToken"];
	        this.mapRunArn = source["mapRunArn"];
	    }
	}
	export class Machine {
	    name: string;
	    arn: string;
	    type: string;
	    creationDate?: string;
	
	    static createFrom(source: any = {}) {
	        return new Machine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.arn = source["arn"];
	        this.type = source["type"];
	        this.creationDate = source["creationDate"];
	    }
	}
	export class MapRunCount {
	    pending: number;
	    running: number;
	    succeeded: number;
	    failed: number;
	    timedOut: number;
	    aborted: number;
	    total: number;
	    resultsWritten: number;
	
	    static createFrom(source: any = {}) {
	        return new MapRunCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pending = source["pending"];
	        this.running = source["running"];
	        this.succeeded = source["succeeded"];
	        this.failed = source["failed"];
	        this.timedOut = source["timedOut"];
	        this.aborted = source["aborted"];
	        this.total = source["total"];
	        this.resultsWritten = source["resultsWritten"];
	    }
	}
	export class MapRun {
	    mapRunArn: string;
	    executionArn: string;
	    stateMachineArn: string;
	    stateName?: string;
	    status: string;
	    startDate?: string;
	    stopDate?: string;
	    maxConcurrency: number;
	    toleratedFailurePercentage: number;
	    toleratedFailureCount: number;
	    itemCounts: MapRunCount;
	    executionCounts: MapRunCount;
	    redriveCount?: number;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new MapRun(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mapRunArn = source["mapRunArn"];
	        this.executionArn = source["executionArn"];
	        this.stateMachineArn = source["stateMachineArn"];
	        this.stateName = source["stateName"];
	        this.status = source["status"];
	        this.startDate = source["startDate"];
	        this.stopDate = source["stopDate"];
	        this.maxConcurrency = source["maxConcurrency"];
	        this.toleratedFailurePercentage = source["toleratedFailurePercentage"];
	        this.toleratedFailureCount = source["toleratedFailureCount"];
	        this.itemCounts = this.convertValues(source["itemCounts"], MapRunCount);
	        this.executionCounts = this.convertValues(source["executionCounts"], MapRunCount);
	        this.redriveCount = source["redriveCount"];
	        this.summary = source["summary"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Problem {
	    code: string;
	    title: string;
	    action: string;
	    awsCode?: string;
	    detail?: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.title = source["title"];
	        this.action = source["action"];
	        this.awsCode = source["awsCode"];
	        this.detail = source["detail"];
	    }
	}
	export class Profile {
	    name: string;
	    region?: string;
	    kind?: string;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.region = source["region"];
	        this.kind = source["kind"];
	    }
	}
	export class Role {
	    name: string;
	    arn: string;
	    forStepFunctions: boolean;
	    description?: string;
	
	    static createFrom(source: any = {}) {
	        return new Role(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.arn = source["arn"];
	        this.forStepFunctions = source["forStepFunctions"];
	        this.description = source["description"];
	    }
	}
	export class Settings {
	    profile: string;
	    region: string;
	    endpointUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile = source["profile"];
	        this.region = source["region"];
	        this.endpointUrl = source["endpointUrl"];
	    }
	}
	export class StartOptions {
	    name?: string;
	    input?: string;
	    sync?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StartOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.input = source["input"];
	        this.sync = source["sync"];
	    }
	}
	export class Validation {
	    result: string;
	    diagnostics: schema.Diagnostic[];
	    truncated?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Validation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = source["result"];
	        this.diagnostics = this.convertValues(source["diagnostics"], schema.Diagnostic);
	        this.truncated = source["truncated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace diagram {
	
	export class Edge {
	    id: string;
	    source: string;
	    target: string;
	    kind: string;
	    label?: string;
	    full?: string;
	    route: layout.Route;
	
	    static createFrom(source: any = {}) {
	        return new Edge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.target = source["target"];
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.full = source["full"];
	        this.route = this.convertValues(source["route"], layout.Route);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Node {
	    id: string;
	    kind: string;
	    name: string;
	    type: string;
	    parent?: string;
	    comment?: string;
	    resource?: string;
	    retries?: number;
	    distributed?: boolean;
	    collapsed?: boolean;
	    inner?: number;
	    x: number;
	    y: number;
	    width: number;
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new Node(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.parent = source["parent"];
	        this.comment = source["comment"];
	        this.resource = source["resource"];
	        this.retries = source["retries"];
	        this.distributed = source["distributed"];
	        this.collapsed = source["collapsed"];
	        this.inner = source["inner"];
	        this.x = source["x"];
	        this.y = source["y"];
	        this.width = source["width"];
	        this.height = source["height"];
	    }
	}
	export class Diagram {
	    width: number;
	    height: number;
	    nodes: Node[];
	    edges: Edge[];
	    shift: layout.Point;
	
	    static createFrom(source: any = {}) {
	        return new Diagram(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.width = source["width"];
	        this.height = source["height"];
	        this.nodes = this.convertValues(source["nodes"], Node);
	        this.edges = this.convertValues(source["edges"], Edge);
	        this.shift = this.convertValues(source["shift"], layout.Point);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace endpoint {
	
	export class EnvVar {
	    name: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new EnvVar(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	    }
	}

}

export namespace engine {
	
	export class PathStep {
	    state: string;
	    index: number;
	    branch?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PathStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.index = source["index"];
	        this.branch = source["branch"];
	    }
	}

}

export namespace exporter {
	
	export class File {
	    path: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new File(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.content = source["content"];
	    }
	}
	export class Substitution {
	    name: string;
	    value: string;
	    kind: string;
	    uses: string[];
	
	    static createFrom(source: any = {}) {
	        return new Substitution(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	        this.kind = source["kind"];
	        this.uses = source["uses"];
	    }
	}
	export class Options {
	    target: string;
	    name: string;
	    substitutions: Substitution[];
	    inline: boolean;
	    express: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.name = source["name"];
	        this.substitutions = this.convertValues(source["substitutions"], Substitution);
	        this.inline = source["inline"];
	        this.express = source["express"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Statement {
	    sid: string;
	    actions: string[];
	    resources: string[];
	
	    static createFrom(source: any = {}) {
	        return new Statement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sid = source["sid"];
	        this.actions = source["actions"];
	        this.resources = source["resources"];
	    }
	}
	export class Policy {
	    statements: Statement[];
	    notes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statements = this.convertValues(source["statements"], Statement);
	        this.notes = source["notes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    files: File[];
	    substitutions: Substitution[];
	    policy: Policy;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.files = this.convertValues(source["files"], File);
	        this.substitutions = this.convertValues(source["substitutions"], Substitution);
	        this.policy = this.convertValues(source["policy"], Policy);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace fault {
	
	export class Location {
	    state: string;
	    pointer: string;
	    range: asl.Range;
	
	    static createFrom(source: any = {}) {
	        return new Location(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.pointer = source["pointer"];
	        this.range = this.convertValues(source["range"], asl.Range);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace files {
	
	export class Stamp {
	    modTime: string;
	    size: number;
	    hash: string;
	
	    static createFrom(source: any = {}) {
	        return new Stamp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.modTime = source["modTime"];
	        this.size = source["size"];
	        this.hash = source["hash"];
	    }
	}
	export class File {
	    path: string;
	    name: string;
	    text: string;
	    format: string;
	    lineEnding: string;
	    stamp: Stamp;
	
	    static createFrom(source: any = {}) {
	        return new File(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.text = source["text"];
	        this.format = source["format"];
	        this.lineEnding = source["lineEnding"];
	        this.stamp = this.convertValues(source["stamp"], Stamp);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RecentFile {
	    path: string;
	    name: string;
	    opened: number;
	
	    static createFrom(source: any = {}) {
	        return new RecentFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.opened = source["opened"];
	    }
	}
	export class Snapshot {
	    id: string;
	    path: string;
	    name: string;
	    format: string;
	    lineEnding: string;
	    text: string;
	    savedAt: number;
	
	    static createFrom(source: any = {}) {
	        return new Snapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.path = source["path"];
	        this.name = source["name"];
	        this.format = source["format"];
	        this.lineEnding = source["lineEnding"];
	        this.text = source["text"];
	        this.savedAt = source["savedAt"];
	    }
	}
	
	export class Status {
	    state: string;
	    stamp: Stamp;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.stamp = this.convertValues(source["stamp"], Stamp);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace flowdiff {
	
	export class Change {
	    op: string;
	    path: string;
	    pointer: string;
	    old?: string;
	    new?: string;
	    jsonata?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.path = source["path"];
	        this.pointer = source["pointer"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.jsonata = source["jsonata"];
	    }
	}
	export class Counts {
	    added: number;
	    removed: number;
	    changed: number;
	    renamed: number;
	    moved: number;
	    transitionsAdded: number;
	    transitionsRemoved: number;
	    machineChanges: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.added = source["added"];
	        this.removed = source["removed"];
	        this.changed = source["changed"];
	        this.renamed = source["renamed"];
	        this.moved = source["moved"];
	        this.transitionsAdded = source["transitionsAdded"];
	        this.transitionsRemoved = source["transitionsRemoved"];
	        this.machineChanges = source["machineChanges"];
	    }
	}
	export class Point {
	    x: number;
	    y: number;
	
	    static createFrom(source: any = {}) {
	        return new Point(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.x = source["x"];
	        this.y = source["y"];
	    }
	}
	export class TransitionDiff {
	    op: string;
	    kind: string;
	    from?: string;
	    to: string;
	    fromId: string;
	    toId: string;
	    label?: string;
	
	    static createFrom(source: any = {}) {
	        return new TransitionDiff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.fromId = source["fromId"];
	        this.toId = source["toId"];
	        this.label = source["label"];
	    }
	}
	export class StateDiff {
	    status: string;
	    name: string;
	    oldName?: string;
	    id: string;
	    oldId?: string;
	    type: string;
	    parent?: string;
	    parentName?: string;
	    edited?: boolean;
	    similarity?: number;
	    changes?: Change[];
	    from?: Point;
	    to?: Point;
	    positionMoved?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StateDiff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.name = source["name"];
	        this.oldName = source["oldName"];
	        this.id = source["id"];
	        this.oldId = source["oldId"];
	        this.type = source["type"];
	        this.parent = source["parent"];
	        this.parentName = source["parentName"];
	        this.edited = source["edited"];
	        this.similarity = source["similarity"];
	        this.changes = this.convertValues(source["changes"], Change);
	        this.from = this.convertValues(source["from"], Point);
	        this.to = this.convertValues(source["to"], Point);
	        this.positionMoved = source["positionMoved"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Result {
	    same: boolean;
	    layoutOnly?: boolean;
	    summary: string;
	    counts: Counts;
	    machine: Change[];
	    states: StateDiff[];
	    transitions: TransitionDiff[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.same = source["same"];
	        this.layoutOnly = source["layoutOnly"];
	        this.summary = source["summary"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.machine = this.convertValues(source["machine"], Change);
	        this.states = this.convertValues(source["states"], StateDiff);
	        this.transitions = this.convertValues(source["transitions"], TransitionDiff);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace gitrev {
	
	export class Revision {
	    short: string;
	    hash: string;
	    when: string;
	    author: string;
	    subject: string;
	
	    static createFrom(source: any = {}) {
	        return new Revision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.short = source["short"];
	        this.hash = source["hash"];
	        this.when = source["when"];
	        this.author = source["author"];
	        this.subject = source["subject"];
	    }
	}

}

export namespace iac {
	
	export class Substitution {
	    name: string;
	    value: string;
	    literal: boolean;
	    problem?: string;
	
	    static createFrom(source: any = {}) {
	        return new Substitution(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	        this.literal = source["literal"];
	        this.problem = source["problem"];
	    }
	}
	export class Machine {
	    id: string;
	    type: string;
	    origin: string;
	    file: string;
	    line: number;
	    format: string;
	    substitutions: Substitution[];
	    problem?: string;
	    readOnly?: string;
	    broken?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Machine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.type = source["type"];
	        this.origin = source["origin"];
	        this.file = source["file"];
	        this.line = source["line"];
	        this.format = source["format"];
	        this.substitutions = this.convertValues(source["substitutions"], Substitution);
	        this.problem = source["problem"];
	        this.readOnly = source["readOnly"];
	        this.broken = source["broken"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Opened {
	    id: string;
	    type: string;
	    origin: string;
	    file: string;
	    line: number;
	    format: string;
	    substitutions: Substitution[];
	    problem?: string;
	    readOnly?: string;
	    broken?: boolean;
	    template: string;
	    text: string;
	    hash: string;
	    start: number;
	    end: number;
	    startColumn: number;
	    indent: string;
	
	    static createFrom(source: any = {}) {
	        return new Opened(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.type = source["type"];
	        this.origin = source["origin"];
	        this.file = source["file"];
	        this.line = source["line"];
	        this.format = source["format"];
	        this.substitutions = this.convertValues(source["substitutions"], Substitution);
	        this.problem = source["problem"];
	        this.readOnly = source["readOnly"];
	        this.broken = source["broken"];
	        this.template = source["template"];
	        this.text = source["text"];
	        this.hash = source["hash"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.startColumn = source["startColumn"];
	        this.indent = source["indent"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Settings {
	    name?: string;
	    type?: string;
	    roleArn?: string;
	    logLevel?: string;
	    includeExecutionData?: boolean;
	    logDestination?: string;
	    tracing?: boolean;
	    kmsKeyId?: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.roleArn = source["roleArn"];
	        this.logLevel = source["logLevel"];
	        this.includeExecutionData = source["includeExecutionData"];
	        this.logDestination = source["logDestination"];
	        this.tracing = source["tracing"];
	        this.kmsKeyId = source["kmsKeyId"];
	    }
	}
	
	export class Template {
	    path: string;
	    kind: string;
	    machines: Machine[];
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.machines = this.convertValues(source["machines"], Machine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TemplateSettings {
	    settings: Settings;
	    template: string;
	    id: string;
	    resourceType: string;
	    properties: Record<string, string>;
	    expressions: Record<string, string>;
	    hash: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.settings = this.convertValues(source["settings"], Settings);
	        this.template = source["template"];
	        this.id = source["id"];
	        this.resourceType = source["resourceType"];
	        this.properties = source["properties"];
	        this.expressions = source["expressions"];
	        this.hash = source["hash"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace layout {
	
	export class Point {
	    x: number;
	    y: number;
	
	    static createFrom(source: any = {}) {
	        return new Point(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.x = source["x"];
	        this.y = source["y"];
	    }
	}
	export class Route {
	    points: Point[];
	    end?: Point;
	    label?: Point;
	
	    static createFrom(source: any = {}) {
	        return new Route(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.points = this.convertValues(source["points"], Point);
	        this.end = this.convertValues(source["end"], Point);
	        this.label = this.convertValues(source["label"], Point);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace runs {
	
	export class Meta {
	    id: string;
	    workflow: string;
	    name: string;
	    status: string;
	    // Go type: time
	    startDate: any;
	    // Go type: time
	    stopDate: any;
	    input: string;
	    output?: string;
	    error?: string;
	    cause?: string;
	    events: number;
	    stages: number;
	    testCase?: string;
	    redriveCount?: number;
	    startAt?: string;
	    imported?: boolean;
	    definition?: string;
	    errorLocation?: fault.Location;
	    tryIt?: boolean;
	    generated?: string[];
	    importNotes?: string[];
	    machine?: string;
	    executionArn?: string;
	    remote?: string;
	
	    static createFrom(source: any = {}) {
	        return new Meta(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.workflow = source["workflow"];
	        this.name = source["name"];
	        this.status = source["status"];
	        this.startDate = this.convertValues(source["startDate"], null);
	        this.stopDate = this.convertValues(source["stopDate"], null);
	        this.input = source["input"];
	        this.output = source["output"];
	        this.error = source["error"];
	        this.cause = source["cause"];
	        this.events = source["events"];
	        this.stages = source["stages"];
	        this.testCase = source["testCase"];
	        this.redriveCount = source["redriveCount"];
	        this.startAt = source["startAt"];
	        this.imported = source["imported"];
	        this.definition = source["definition"];
	        this.errorLocation = this.convertValues(source["errorLocation"], fault.Location);
	        this.tryIt = source["tryIt"];
	        this.generated = source["generated"];
	        this.importNotes = source["importNotes"];
	        this.machine = source["machine"];
	        this.executionArn = source["executionArn"];
	        this.remote = source["remote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MockProblem {
	    line: number;
	    column: number;
	    pointer: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new MockProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.pointer = source["pointer"];
	        this.message = source["message"];
	    }
	}
	export class PauseInfo {
	    id: number;
	    state: string;
	    path: engine.PathStep[];
	    input: string;
	    truncated?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PauseInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.state = source["state"];
	        this.path = this.convertValues(source["path"], engine.PathStep);
	        this.input = source["input"];
	        this.truncated = source["truncated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Pending {
	    id: string;
	    kind: string;
	    state: string;
	    resource: string;
	    input: string;
	    token?: string;
	    // Go type: time
	    since: any;
	    handler?: string;
	    command?: string;
	
	    static createFrom(source: any = {}) {
	        return new Pending(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.state = source["state"];
	        this.resource = source["resource"];
	        this.input = source["input"];
	        this.token = source["token"];
	        this.since = this.convertValues(source["since"], null);
	        this.handler = source["handler"];
	        this.command = source["command"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StageRecord {
	    seq: number;
	    event: number;
	    state: string;
	    step: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new StageRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.event = source["event"];
	        this.state = source["state"];
	        this.step = source["step"];
	        this.value = source["value"];
	    }
	}
	export class StartRequest {
	    workflow: string;
	    name: string;
	    definition: string;
	    input: string;
	    mocks: string;
	    testCase: string;
	    type: string;
	    wait: string;
	    pace: string;
	    breakpoints: string[];
	    pauseAtStart: boolean;
	    pauseMode: string;
	    startAt: string;
	    variables: Record<string, string>;
	    tryIt?: boolean;
	    notes?: string;
	
	    static createFrom(source: any = {}) {
	        return new StartRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workflow = source["workflow"];
	        this.name = source["name"];
	        this.definition = source["definition"];
	        this.input = source["input"];
	        this.mocks = source["mocks"];
	        this.testCase = source["testCase"];
	        this.type = source["type"];
	        this.wait = source["wait"];
	        this.pace = source["pace"];
	        this.breakpoints = source["breakpoints"];
	        this.pauseAtStart = source["pauseAtStart"];
	        this.pauseMode = source["pauseMode"];
	        this.startAt = source["startAt"];
	        this.variables = source["variables"];
	        this.tryIt = source["tryIt"];
	        this.notes = source["notes"];
	    }
	}
	export class Update {
	    runId: string;
	    seq: number;
	    firstEvent: number;
	    lastEvent: number;
	    events: number[][];
	    stages: StageRecord[];
	    meta: Meta;
	    pausedAt: string[];
	    pauses: PauseInfo[];
	    waiting: engine.PathStep[][];
	    pending: Pending[];
	    live: boolean;
	    unsaved?: string;
	
	    static createFrom(source: any = {}) {
	        return new Update(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.seq = source["seq"];
	        this.firstEvent = source["firstEvent"];
	        this.lastEvent = source["lastEvent"];
	        this.events = source["events"];
	        this.stages = this.convertValues(source["stages"], StageRecord);
	        this.meta = this.convertValues(source["meta"], Meta);
	        this.pausedAt = source["pausedAt"];
	        this.pauses = this.convertValues(source["pauses"], PauseInfo);
	        this.waiting = this.convertValues(source["waiting"], engine.PathStep);
	        this.pending = this.convertValues(source["pending"], Pending);
	        this.live = source["live"];
	        this.unsaved = source["unsaved"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace schema {
	
	export class Diagnostic {
	    severity: string;
	    code: string;
	    message: string;
	    location: string;
	    range: asl.Range;
	
	    static createFrom(source: any = {}) {
	        return new Diagnostic(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.severity = source["severity"];
	        this.code = source["code"];
	        this.message = source["message"];
	        this.location = source["location"];
	        this.range = this.convertValues(source["range"], asl.Range);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace sidecar {
	
	export class Comment {
	    id: string;
	    author: string;
	    // Go type: time
	    time: any;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Comment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.author = source["author"];
	        this.time = this.convertValues(source["time"], null);
	        this.text = source["text"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DeployPulled {
	    hash: string;
	    revisionId?: string;
	    updateDate?: string;
	
	    static createFrom(source: any = {}) {
	        return new DeployPulled(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hash = source["hash"];
	        this.revisionId = source["revisionId"];
	        this.updateDate = source["updateDate"];
	    }
	}
	export class DeployLogging {
	    level?: string;
	    includeExecutionData?: boolean;
	    destination?: string;
	
	    static createFrom(source: any = {}) {
	        return new DeployLogging(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.level = source["level"];
	        this.includeExecutionData = source["includeExecutionData"];
	        this.destination = source["destination"];
	    }
	}
	export class Deploy {
	    name?: string;
	    type?: string;
	    roleArn?: string;
	    region?: string;
	    logging?: DeployLogging;
	    tracing?: boolean;
	    kmsKeyId?: string;
	    stateMachineArn?: string;
	    pulled?: DeployPulled;
	
	    static createFrom(source: any = {}) {
	        return new Deploy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.roleArn = source["roleArn"];
	        this.region = source["region"];
	        this.logging = this.convertValues(source["logging"], DeployLogging);
	        this.tracing = source["tracing"];
	        this.kmsKeyId = source["kmsKeyId"];
	        this.stateMachineArn = source["stateMachineArn"];
	        this.pulled = this.convertValues(source["pulled"], DeployPulled);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Thread {
	    id: string;
	    resolved?: boolean;
	    comments: Comment[];
	
	    static createFrom(source: any = {}) {
	        return new Thread(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.resolved = source["resolved"];
	        this.comments = this.convertValues(source["comments"], Comment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Point {
	    x: number;
	    y: number;
	
	    static createFrom(source: any = {}) {
	        return new Point(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.x = source["x"];
	        this.y = source["y"];
	    }
	}
	export class Entry {
	    description?: string;
	    position?: Point;
	    threads?: Thread[];
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.description = source["description"];
	        this.position = this.convertValues(source["position"], Point);
	        this.threads = this.convertValues(source["threads"], Thread);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Handler {
	    kind: string;
	    command?: string[];
	    dir?: string;
	    url?: string;
	    timeoutSeconds?: number;
	
	    static createFrom(source: any = {}) {
	        return new Handler(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.command = source["command"];
	        this.dir = source["dir"];
	        this.url = source["url"];
	        this.timeoutSeconds = source["timeoutSeconds"];
	    }
	}
	export class File {
	    version: number;
	    workflow: Entry;
	    states?: Record<string, Entry>;
	    handlers?: Record<string, Handler>;
	    s3Root?: string;
	    deploy?: Deploy;
	
	    static createFrom(source: any = {}) {
	        return new File(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.workflow = this.convertValues(source["workflow"], Entry);
	        this.states = this.convertValues(source["states"], Entry, true);
	        this.handlers = this.convertValues(source["handlers"], Handler, true);
	        this.s3Root = source["s3Root"];
	        this.deploy = this.convertValues(source["deploy"], Deploy);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Op {
	    kind: string;
	    state?: string;
	    thread?: string;
	    comment?: string;
	    text?: string;
	    author?: string;
	    to?: string;
	    x?: number;
	    y?: number;
	    handler?: Handler;
	
	    static createFrom(source: any = {}) {
	        return new Op(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.state = source["state"];
	        this.thread = source["thread"];
	        this.comment = source["comment"];
	        this.text = source["text"];
	        this.author = source["author"];
	        this.to = source["to"];
	        this.x = source["x"];
	        this.y = source["y"];
	        this.handler = this.convertValues(source["handler"], Handler);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace suite {
	
	export class Item {
	    state: string;
	    kind: string;
	    index?: number;
	    target?: string;
	    errors?: string[];
	    covered: boolean;
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.kind = source["kind"];
	        this.index = source["index"];
	        this.target = source["target"];
	        this.errors = source["errors"];
	        this.covered = source["covered"];
	        this.id = source["id"];
	    }
	}
	export class StateCoverage {
	    name: string;
	    type: string;
	    id: string;
	    covered: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StateCoverage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.id = source["id"];
	        this.covered = source["covered"];
	    }
	}
	export class Coverage {
	    workflow: string;
	    machine?: string;
	    suites: string[];
	    covered: number;
	    total: number;
	    percent: number;
	    states: StateCoverage[];
	    transitions: Item[];
	
	    static createFrom(source: any = {}) {
	        return new Coverage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workflow = source["workflow"];
	        this.machine = source["machine"];
	        this.suites = source["suites"];
	        this.covered = source["covered"];
	        this.total = source["total"];
	        this.percent = source["percent"];
	        this.states = this.convertValues(source["states"], StateCoverage);
	        this.transitions = this.convertValues(source["transitions"], Item);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace suiteview {
	
	export class Failure {
	    expectation: string;
	    line: number;
	    column: number;
	    message: string;
	    expected?: string;
	    got?: string;
	    diff: string[];
	
	    static createFrom(source: any = {}) {
	        return new Failure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.expectation = source["expectation"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.message = source["message"];
	        this.expected = source["expected"];
	        this.got = source["got"];
	        this.diff = source["diff"];
	    }
	}
	export class ScenarioInfo {
	    name: string;
	    line: number;
	    input: string;
	
	    static createFrom(source: any = {}) {
	        return new ScenarioInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.line = source["line"];
	        this.input = source["input"];
	    }
	}
	export class Listing {
	    file: string;
	    exists: boolean;
	    reason: string;
	    scenarios: ScenarioInfo[];
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new Listing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.exists = source["exists"];
	        this.reason = source["reason"];
	        this.scenarios = this.convertValues(source["scenarios"], ScenarioInfo);
	        this.problems = source["problems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ScenarioResult {
	    name: string;
	    line: number;
	    status: string;
	    message?: string;
	    runStatus?: string;
	    durationMs: number;
	    failures: Failure[];
	    history: string;
	
	    static createFrom(source: any = {}) {
	        return new ScenarioResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.line = source["line"];
	        this.status = source["status"];
	        this.message = source["message"];
	        this.runStatus = source["runStatus"];
	        this.durationMs = source["durationMs"];
	        this.failures = this.convertValues(source["failures"], Failure);
	        this.history = source["history"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Report {
	    file: string;
	    exists: boolean;
	    reason: string;
	    scenarios: ScenarioInfo[];
	    problems: string[];
	    results: ScenarioResult[];
	    passed: number;
	    failed: number;
	    coverage?: suite.Coverage;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.exists = source["exists"];
	        this.reason = source["reason"];
	        this.scenarios = this.convertValues(source["scenarios"], ScenarioInfo);
	        this.problems = source["problems"];
	        this.results = this.convertValues(source["results"], ScenarioResult);
	        this.passed = source["passed"];
	        this.failed = source["failed"];
	        this.coverage = this.convertValues(source["coverage"], suite.Coverage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Saved {
	    file: string;
	    created: boolean;
	    name: string;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new Saved(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.created = source["created"];
	        this.name = source["name"];
	        this.note = source["note"];
	    }
	}
	

}

export namespace templates {
	
	export class Template {
	    id: string;
	    title: string;
	    description: string;
	    fileName: string;
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.fileName = source["fileName"];
	    }
	}

}

export namespace teststate {
	
	export class APIError {
	    Code: string;
	    Message: string;
	
	    static createFrom(source: any = {}) {
	        return new APIError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.Code = source["Code"];
	        this.Message = source["Message"];
	    }
	}
	export class ErrorDetails {
	    catchIndex?: number;
	    retryIndex?: number;
	    retryBackoffIntervalSeconds?: number;
	
	    static createFrom(source: any = {}) {
	        return new ErrorDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.catchIndex = source["catchIndex"];
	        this.retryIndex = source["retryIndex"];
	        this.retryBackoffIntervalSeconds = source["retryBackoffIntervalSeconds"];
	    }
	}
	export class HTTPRequest {
	    protocol?: string;
	    method?: string;
	    url?: string;
	    headers?: string;
	    body?: string;
	
	    static createFrom(source: any = {}) {
	        return new HTTPRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.protocol = source["protocol"];
	        this.method = source["method"];
	        this.url = source["url"];
	        this.headers = source["headers"];
	        this.body = source["body"];
	    }
	}
	export class HTTPResponse {
	    protocol?: string;
	    statusCode?: string;
	    statusMessage?: string;
	    headers?: string;
	    body?: string;
	
	    static createFrom(source: any = {}) {
	        return new HTTPResponse(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.protocol = source["protocol"];
	        this.statusCode = source["statusCode"];
	        this.statusMessage = source["statusMessage"];
	        this.headers = source["headers"];
	        this.body = source["body"];
	    }
	}
	export class InspectionData {
	    input?: string;
	    afterInputPath?: string;
	    afterParameters?: string;
	    afterArguments?: string;
	    afterItemsPath?: string;
	    afterItemSelector?: string;
	    afterItemBatcher?: string;
	    request?: HTTPRequest;
	    response?: HTTPResponse;
	    result?: string;
	    afterResultSelector?: string;
	    afterResultPath?: string;
	    variables?: string;
	    maxConcurrency?: number;
	    toleratedFailureCount?: number;
	    toleratedFailurePercentage?: number;
	    errorDetails?: ErrorDetails;
	
	    static createFrom(source: any = {}) {
	        return new InspectionData(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.input = source["input"];
	        this.afterInputPath = source["afterInputPath"];
	        this.afterParameters = source["afterParameters"];
	        this.afterArguments = source["afterArguments"];
	        this.afterItemsPath = source["afterItemsPath"];
	        this.afterItemSelector = source["afterItemSelector"];
	        this.afterItemBatcher = source["afterItemBatcher"];
	        this.request = this.convertValues(source["request"], HTTPRequest);
	        this.response = this.convertValues(source["response"], HTTPResponse);
	        this.result = source["result"];
	        this.afterResultSelector = source["afterResultSelector"];
	        this.afterResultPath = source["afterResultPath"];
	        this.variables = source["variables"];
	        this.maxConcurrency = source["maxConcurrency"];
	        this.toleratedFailureCount = source["toleratedFailureCount"];
	        this.toleratedFailurePercentage = source["toleratedFailurePercentage"];
	        this.errorDetails = this.convertValues(source["errorDetails"], ErrorDetails);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MockedError {
	    error: string;
	    cause: string;
	
	    static createFrom(source: any = {}) {
	        return new MockedError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.error = source["error"];
	        this.cause = source["cause"];
	    }
	}
	export class Mock {
	    result?: string;
	    errorOutput?: MockedError;
	    fieldValidationMode?: string;
	
	    static createFrom(source: any = {}) {
	        return new Mock(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = source["result"];
	        this.errorOutput = this.convertValues(source["errorOutput"], MockedError);
	        this.fieldValidationMode = source["fieldValidationMode"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Response {
	    status: string;
	    output?: string;
	    error?: string;
	    cause?: string;
	    nextState?: string;
	    inspectionData?: InspectionData;
	
	    static createFrom(source: any = {}) {
	        return new Response(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.output = source["output"];
	        this.error = source["error"];
	        this.cause = source["cause"];
	        this.nextState = source["nextState"];
	        this.inspectionData = this.convertValues(source["inspectionData"], InspectionData);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace versions {
	
	export class Side {
	    name: string;
	    text: string;
	    label: string;
	    pins: Record<string, sidecar.Point>;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new Side(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.text = source["text"];
	        this.label = source["label"];
	        this.pins = this.convertValues(source["pins"], sidecar.Point, true);
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Comparison {
	    result?: flowdiff.Result;
	    old: Side;
	    new: Side;
	
	    static createFrom(source: any = {}) {
	        return new Comparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = this.convertValues(source["result"], flowdiff.Result);
	        this.old = this.convertValues(source["old"], Side);
	        this.new = this.convertValues(source["new"], Side);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Revisions {
	    revisions: gitrev.Revision[];
	    reason?: string;
	    root?: string;
	
	    static createFrom(source: any = {}) {
	        return new Revisions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.revisions = this.convertValues(source["revisions"], gitrev.Revision);
	        this.reason = source["reason"];
	        this.root = source["root"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

