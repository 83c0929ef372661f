package endpoint

// store keeps state machines, activities and executions in the data
// folder (Options.Data). This first version keeps everything in memory:
// the hooks below are where persistence goes.
type store struct{}

func openStore(dir string) (*store, error) { return &store{}, nil }

func (st *store) close() error { return nil }

func (s *Server) load() error { return nil }

func (s *Server) persistMachine(*stateMachine) {}
func (s *Server) unpersistMachine(string)      {}
func (s *Server) persistExecution(*execution)  {}
func (s *Server) persistActivity(*activity)    {}
func (s *Server) unpersistActivity(string)     {}
