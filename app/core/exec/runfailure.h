#pragma once

#include <QString>

namespace retort {

struct RunReport;

// One line that names the failed step, its file and line, the server's
// message and the statement: alembic's "FAILED: " line, a failed rehearsal.
QString failureLine(const RunReport &report);

} // namespace retort
