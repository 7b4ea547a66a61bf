#pragma once

#include "cliargs.h"

#include <QByteArray>
#include <QVector>

namespace retort {
struct ProjectConfig;
struct RevisionScript;
class RevisionGraph;
} // namespace retort

namespace retort::cli {

struct LintResult {
    QByteArray out;
    QByteArray err;
    int exitCode = 0;  // 0 clean, 1 findings at or above --fail-on, 255 errors
};

// `retort lint [upgrade|downgrade] [RANGE] [--format text|json|sarif]
// [--fail-on warning|error]`: the plan's statements through the lock model
// (locks, rewrites, scans, rule findings, spans), rendered as `upgrade --sql`
// renders them. RANGE is FROM:TO (default base:heads; for a downgrade
// FROM:TO goes down, heads:base). `# retort: allow RULE[, RULE...] reason` in a revision
// file opts its statements out of that rule; they are reported as allowed.
// --format json or sarif: a CI job parses stdout as that document, so an
// error leaves stdout empty and alembic's "FAILED: ..." line goes to stderr
// with the file and line (exit 255 as ever).
bool lintReportIsMachineReadable(const CliArgs &args);

LintResult runLintCommand(const CliArgs &args, const ProjectConfig &config, const QVector<RevisionScript> &scripts,
                          const RevisionGraph &graph);

} // namespace retort::cli
