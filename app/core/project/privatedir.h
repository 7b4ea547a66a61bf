#pragma once

#include <QString>

namespace retort {

// Whether what lies in `directory` can only have been put there by this user
// (or root): the directory is ours, and neither it nor any folder above it
// lets another user add, rename or replace entries (group or other write
// without the sticky bit). Files Retort trusts without reading them twice (the
// header cache) or hands to Python to run (the bridge) live only in such a
// directory: anywhere else another local user could forge or swap them.
// `why` receives the reason when it is not.
bool isPrivateDirectory(const QString &directory, QString *why = nullptr);

// Creates `directory` (and its parents) when missing, then checks it as above.
bool makePrivateDirectory(const QString &directory, QString *why = nullptr);

} // namespace retort
