#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// What a saved database is for. Production is guarded hardest: its name is
// always typed before a run, and it is never reset.
enum class EnvironmentKind { Local, Development, Staging, Production };

// "local", "development", "staging", "production": as saved in settings.
QString environmentKindName(EnvironmentKind kind);
const QStringList &environmentKindNames();
// The kind a saved name stands for; `fallback` for a name no kind has (settings
// written before kinds existed).
EnvironmentKind environmentKindFromName(const QString &name, EnvironmentKind fallback);
// The kind's colour on the database's marker, "#rrggbb": production red,
// staging orange, development blue, local grey.
QString environmentKindColor(EnvironmentKind kind);

} // namespace retort
