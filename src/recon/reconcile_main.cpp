// concord-reconcile: the reconcile command on its own, for testing and benchmarks.
#include "recon/reconcile_command.h"

int main(int argc, char** argv) { return concord::recon::RunReconcileCli(argc, argv); }
