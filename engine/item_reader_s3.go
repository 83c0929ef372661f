package engine

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/s3local"
)

// isS3Reader tells the ItemReader resources a local S3 folder serves.
func isS3Reader(resource string) bool {
	switch strings.TrimSuffix(resource, ".sync") {
	case "arn:aws:states:::s3:getObject", "arn:aws:states:::s3:listObjectsV2":
		return true
	}
	return false
}

// readS3Items reads a distributed Map's items from the local S3 folder as
// AWS reads them from S3: a listing (listObjectsV2), or one object parsed
// by ReaderConfig.InputType (CSV, JSON, JSONL, MANIFEST).
func readS3Items(root *s3local.Root, r *itemReader, params any) ([]any, error) {
	p, _ := params.(map[string]any)
	bucket, _ := p["Bucket"].(string)
	if strings.HasSuffix(r.resource, "listObjectsV2") {
		prefix, _ := p["Prefix"].(string)
		objs, err := root.List(bucket, prefix)
		if err != nil {
			return nil, err
		}
		items := make([]any, len(objs))
		for i, o := range objs {
			items[i] = map[string]any{"Etag": o.ETag, "Key": o.Key, "LastModified": o.LastModified.Unix(),
				"Size": o.Size, "StorageClass": "STANDARD"}
		}
		return items, nil
	}
	key, _ := p["Key"].(string)
	data, err := root.Read(bucket, key)
	if err != nil {
		return nil, err
	}
	c := r.config
	if c == nil {
		c = new(asl.ReaderConfig)
	}
	switch c.InputType {
	case "CSV":
		return readCSV(data, c.CSVHeaderLocation, c.CSVHeaders, c.CSVDelimiter)
	case "JSON", "":
		v, err := DecodeJSON(data)
		if err != nil {
			return nil, fmt.Errorf("s3://%s/%s is not JSON: %w", bucket, key, err)
		}
		arr, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("s3://%s/%s holds %s, not a JSON array", bucket, key, jsonType(v))
		}
		return arr, nil
	case "JSONL":
		return readJSONL(data)
	case "MANIFEST":
		return readManifest(root, data)
	}
	return nil, fmt.Errorf("ReaderConfig.InputType %q is not read locally (CSV, JSON, JSONL and MANIFEST are)", c.InputType)
}

// csvDelimiters are ReaderConfig.CSVDelimiter's names.
var csvDelimiters = map[string]rune{"": ',', "COMMA": ',', "PIPE": '|', "SEMICOLON": ';', "SPACE": ' ', "TAB": '\t'}

// readCSV gives one item per row, an object of the headers (the first
// row, or the given ones) to the row's values, all strings, as AWS does.
func readCSV(data []byte, location string, given []string, delimiter string) ([]any, error) {
	d, ok := csvDelimiters[delimiter]
	if !ok {
		return nil, fmt.Errorf("CSVDelimiter %q is not one of COMMA, PIPE, SEMICOLON, SPACE, TAB", delimiter)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = d, -1, false
	headers := given
	if location != "GIVEN" {
		first, err := cr.Read()
		if err == io.EOF {
			return []any{}, nil
		}
		if err != nil {
			return nil, fmt.Errorf("CSV header row: %w", err)
		}
		headers = first
	} else if len(given) == 0 {
		return nil, errors.New("CSVHeaderLocation GIVEN needs CSVHeaders")
	}
	items := []any{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return items, nil
		}
		if err != nil {
			return nil, fmt.Errorf("CSV: %w", err)
		}
		if len(row) != len(headers) {
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("CSV line %d has %d fields, the header %d", line, len(row), len(headers))
		}
		item := make(map[string]any, len(headers))
		for i, h := range headers {
			item[h] = row[i]
		}
		items = append(items, item)
	}
}

// readJSONL gives one item per non-empty line.
func readJSONL(data []byte) ([]any, error) {
	items := []any{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), s3local.MaxObjectBytes)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		v, err := DecodeJSON(b)
		if err != nil {
			return nil, fmt.Errorf("JSONL line %d: %w", line, err)
		}
		items = append(items, v)
	}
	return items, sc.Err()
}

// readManifest reads an S3 Inventory manifest.json: its CSV files (gzip
// or plain, no header row) list objects, one item per object with the
// manifest's fileSchema as keys.
func readManifest(root *s3local.Root, data []byte) ([]any, error) {
	v, err := DecodeJSON(data)
	m, _ := v.(map[string]any)
	if err != nil || m == nil {
		return nil, errors.New("the manifest is not a JSON object (S3 Inventory manifest.json)")
	}
	if f, _ := m["fileFormat"].(string); f != "CSV" {
		return nil, fmt.Errorf("S3 Inventory fileFormat %q is not read locally (CSV is)", f)
	}
	schema, _ := m["fileSchema"].(string)
	var headers []string
	for _, h := range strings.Split(schema, ",") {
		headers = append(headers, strings.TrimSpace(h))
	}
	dest, _ := m["destinationBucket"].(string)
	dest = strings.TrimPrefix(dest, "arn:aws:s3:::")
	files, _ := m["files"].([]any)
	items := []any{}
	for _, f := range files {
		fm, _ := f.(map[string]any)
		key, _ := fm["key"].(string)
		b, err := root.Read(dest, key)
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(key, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, fmt.Errorf("s3://%s/%s: %w", dest, key, err)
			}
			if b, err = io.ReadAll(io.LimitReader(zr, s3local.MaxObjectBytes+1)); err != nil || len(b) > s3local.MaxObjectBytes {
				return nil, fmt.Errorf("s3://%s/%s: unreadable or over %d bytes unpacked", dest, key, s3local.MaxObjectBytes)
			}
		}
		rows, err := readCSV(b, "GIVEN", headers, "")
		if err != nil {
			return nil, fmt.Errorf("s3://%s/%s: %w", dest, key, err)
		}
		items = append(items, rows...)
		if len(items) > s3local.MaxListed {
			return nil, fmt.Errorf("the manifest lists more than %d objects", s3local.MaxListed)
		}
	}
	return items, nil
}
