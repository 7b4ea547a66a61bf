#include "targetversion.h"

namespace retort {

Result<OpenedTarget> openTarget(const ConnectionSettings &target, const VersionTable &table)
{
    Result<std::unique_ptr<Connection>> live = Connection::open(target);
    if (!live)
        return live.error();
    Result<VersionState> state = readVersionState(live.value()->database(), table);
    if (!state)
        return state.error();
    OpenedTarget opened;
    opened.connection = std::move(live.value());
    opened.rows = state->rows;
    return opened;
}

} // namespace retort
