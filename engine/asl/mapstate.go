package asl

// ItemReader is a Distributed Map's ItemReader.
type ItemReader struct {
	Node         *Node
	Resource     string
	Integration  Integration
	ReaderConfig *ReaderConfig
	Parameters   *Node // JSONPath
	Arguments    *Node // JSONata
}

// ReaderConfig is an ItemReader's ReaderConfig.
type ReaderConfig struct {
	Node              *Node
	InputType         string // CSV, JSON, JSONL, MANIFEST, PARQUET
	CSVHeaderLocation string // FIRST_ROW or GIVEN
	CSVHeaders        []string
	CSVDelimiter      string
	ManifestType      string
	MaxItems          *int64
	MaxItemsPath      string
}

// ItemBatcher is a Distributed Map's ItemBatcher.
type ItemBatcher struct {
	Node                      *Node
	MaxItemsPerBatch          *int64
	MaxItemsPerBatchPath      string
	MaxInputBytesPerBatch     *int64
	MaxInputBytesPerBatchPath string
	BatchInput                *Node
}

// ResultWriter is a Distributed Map's ResultWriter.
type ResultWriter struct {
	Node         *Node
	Resource     string
	Integration  Integration
	Parameters   *Node
	Arguments    *Node
	WriterConfig *Node // OutputType, Transformation
}

func decodeMap(s *State, n *Node) {
	if p := object(n, "ItemProcessor"); p != nil {
		s.ItemProcessor = DecodeMachine(p)
	} else if p := object(n, "Iterator"); p != nil {
		s.ItemProcessor = DecodeMachine(p)
		s.LegacyIterator = true
	}
	s.Items = n.Get("Items")
	s.ItemsPath = pathPtr(n, "ItemsPath")
	s.ItemSelector = n.Get("ItemSelector")
	if s.ItemSelector == nil && s.Type == TypeMap {
		s.ItemSelector = n.Get("Parameters")
	}
	s.MaxConcurrency = intPtr(n, "MaxConcurrency")
	s.MaxConcurrencyPath = str(n, "MaxConcurrencyPath")
	s.ToleratedFailurePercentage = floatPtr(n, "ToleratedFailurePercentage")
	s.ToleratedFailurePercentagePath = str(n, "ToleratedFailurePercentagePath")
	s.ToleratedFailureCount = intPtr(n, "ToleratedFailureCount")
	s.ToleratedFailureCountPath = str(n, "ToleratedFailureCountPath")
	s.Label = str(n, "Label")

	if r := object(n, "ItemReader"); r != nil {
		ir := &ItemReader{Node: r, Resource: str(r, "Resource"), Parameters: r.Get("Parameters"), Arguments: r.Get("Arguments")}
		ir.Integration = ParseResource(ir.Resource)
		if c := object(r, "ReaderConfig"); c != nil {
			ir.ReaderConfig = &ReaderConfig{
				Node: c, InputType: str(c, "InputType"), CSVHeaderLocation: str(c, "CSVHeaderLocation"),
				CSVHeaders: strList(c, "CSVHeaders"), CSVDelimiter: str(c, "CSVDelimiter"),
				ManifestType: str(c, "ManifestType"), MaxItems: intPtr(c, "MaxItems"), MaxItemsPath: str(c, "MaxItemsPath"),
			}
		}
		s.ItemReader = ir
	}
	if b := object(n, "ItemBatcher"); b != nil {
		s.ItemBatcher = &ItemBatcher{
			Node: b, MaxItemsPerBatch: intPtr(b, "MaxItemsPerBatch"), MaxItemsPerBatchPath: str(b, "MaxItemsPerBatchPath"),
			MaxInputBytesPerBatch: intPtr(b, "MaxInputBytesPerBatch"), MaxInputBytesPerBatchPath: str(b, "MaxInputBytesPerBatchPath"),
			BatchInput: b.Get("BatchInput"),
		}
	}
	if w := object(n, "ResultWriter"); w != nil {
		rw := &ResultWriter{Node: w, Resource: str(w, "Resource"), Parameters: w.Get("Parameters"), Arguments: w.Get("Arguments"), WriterConfig: w.Get("WriterConfig")}
		rw.Integration = ParseResource(rw.Resource)
		s.ResultWriter = rw
	}
}
