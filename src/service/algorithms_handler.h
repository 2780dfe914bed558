// GET /algorithms: the scoring algorithm embargo runs, described in yente's
// shape with every feature's coefficient taken from the scoring constants.
// embargo runs one algorithm, "embargo-v1"; yente's algorithm names are
// accepted as aliases of it so unchanged yente clients keep working, but
// whatever name a client sends, embargo-v1 is what scores. Pure; thread-safe.
#pragma once

#include <string>

#include "service/http_types.h"

namespace embargo::service {

inline constexpr const char* kAlgorithmName = "embargo-v1";

// {"algorithms": [{name, description, docs: {name, description, config,
// features: {feature: {description, coefficient, url}}}, aliases}],
// "default": "embargo-v1", "best": "embargo-v1"}.
Response HandleAlgorithms();

// Whether `name` may be passed as ?algorithm=: "embargo-v1", "best",
// "default", or one of yente's names ("logic-v2", "logic-v1",
// "regression-v1", "name-based", "name-qualified", "ofac"), all of which run
// embargo-v1.
bool IsKnownAlgorithm(const std::string& name);

}  // namespace embargo::service
