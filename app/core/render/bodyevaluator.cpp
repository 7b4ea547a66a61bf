#include "render/bodyevaluator.h"

namespace retort {

BodyEvaluator::BodyEvaluator(const py::Module &module, RenderMode mode) : m_host(mode), m_evaluator(module, m_host) {}

std::optional<BodyEvaluator::Failure> BodyEvaluator::evaluate(const py::FunctionDef &function, QVector<OpCall> &calls)
{
    m_host.start(&calls);
    return m_evaluator.run(function);
}

} // namespace retort
