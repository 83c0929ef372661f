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

// decodeMapField decodes one of the Map state's own fields (decodeState
// handles ItemProcessor and Iterator, which depend on each other).
func decodeMapField(s *State, key string, v *Node) {
	switch key {
	case "Items":
		s.Items = v
	case "ItemsPath":
		s.ItemsPath = pathOf(v)
	case "ItemSelector":
		s.ItemSelector = v
	case "MaxConcurrency":
		s.MaxConcurrency = intOf(v)
	case "MaxConcurrencyPath":
		s.MaxConcurrencyPath = strOf(v)
	case "ToleratedFailurePercentage":
		s.ToleratedFailurePercentage = floatOf(v)
	case "ToleratedFailurePercentagePath":
		s.ToleratedFailurePercentagePath = strOf(v)
	case "ToleratedFailureCount":
		s.ToleratedFailureCount = intOf(v)
	case "ToleratedFailureCountPath":
		s.ToleratedFailureCountPath = strOf(v)
	case "Label":
		s.Label = strOf(v)
	case "ItemReader":
		s.ItemReader = decodeItemReader(objectOf(v))
	case "ItemBatcher":
		s.ItemBatcher = decodeItemBatcher(objectOf(v))
	case "ResultWriter":
		s.ResultWriter = decodeResultWriter(objectOf(v))
	}
}

func decodeItemReader(r *Node) *ItemReader {
	if r == nil {
		return nil
	}
	ir := &ItemReader{Node: r, Resource: str(r, "Resource"), Parameters: r.Get("Parameters"), Arguments: r.Get("Arguments")}
	ir.Integration = ParseResource(ir.Resource)
	if c := object(r, "ReaderConfig"); c != nil {
		ir.ReaderConfig = &ReaderConfig{
			Node: c, InputType: str(c, "InputType"), CSVHeaderLocation: str(c, "CSVHeaderLocation"),
			CSVHeaders: strList(c, "CSVHeaders"), CSVDelimiter: str(c, "CSVDelimiter"),
			ManifestType: str(c, "ManifestType"), MaxItems: intPtr(c, "MaxItems"), MaxItemsPath: str(c, "MaxItemsPath"),
		}
	}
	return ir
}

func decodeItemBatcher(b *Node) *ItemBatcher {
	if b == nil {
		return nil
	}
	return &ItemBatcher{
		Node: b, MaxItemsPerBatch: intPtr(b, "MaxItemsPerBatch"), MaxItemsPerBatchPath: str(b, "MaxItemsPerBatchPath"),
		MaxInputBytesPerBatch: intPtr(b, "MaxInputBytesPerBatch"), MaxInputBytesPerBatchPath: str(b, "MaxInputBytesPerBatchPath"),
		BatchInput: b.Get("BatchInput"),
	}
}

func decodeResultWriter(w *Node) *ResultWriter {
	if w == nil {
		return nil
	}
	rw := &ResultWriter{Node: w, Resource: str(w, "Resource"), Parameters: w.Get("Parameters"), Arguments: w.Get("Arguments"), WriterConfig: w.Get("WriterConfig")}
	rw.Integration = ParseResource(rw.Resource)
	return rw
}
