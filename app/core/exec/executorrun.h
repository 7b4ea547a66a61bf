#pragma once

namespace retort {

class Executor;
struct RunRequest;
struct RunReport;

// Runs one request on the calling thread (the executor's): connection,
// migration lock, statements or the bridge, report.
RunReport executeRun(Executor &executor, const RunRequest &request);

} // namespace retort
