// The service's routes: each (method, path template) with its RouteId, the
// label metrics count it under and what its {placeholder} may match; the
// least role each needs beyond a valid key. Pure data and functions;
// thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "service/auth.h"

namespace embargo::service {

enum class RouteId {
  kMatch,
  kSearch,
  kEntity,
  kCatalog,
  kAlgorithms,
  kHealth,
  kReady,
  kMetrics,
  kOpenApi,
  kReload,
  kUpdate,
  kUpdateGet,
  kManifest,
  kAlerts,
  kAlert,
  kAlertDecision,
  kAlertReview,
  kAlertAssign,
  kScreenings,
  kScreening,
  kScreeningCertificate,
  kGaps,
  kAudit,
  kAuditVerify,
  kWhoAmI,
  kVersions,
  kVersionDiff,
  kEntityHistory,
  kUi,
  kPaymentsScreen,
  kReconcile,
  kReconcileSuggestEntity,
  kReconcileSuggestType,
  kReconcileSuggestProperty,
  kReconcileExtendProperty,
  kReconcilePreview,
};

// What a path template's {placeholder} matches.
enum class Capture { kSegment, kDigits, kRest };

struct Route {
  RouteId id;
  const char* method;
  const char* path;
  const char* endpoint;  // the metrics label
  Capture capture = Capture::kSegment;
};

// Every route, in the order they are matched.
std::span<const Route> Routes();

// The route for (method, path), filling `captured` with its placeholder;
// HEAD is answered as GET without the body. nullptr when none matches.
const Route* FindRoute(std::string_view method, std::string_view path, std::string& captured);

// The methods some route answers on `path` ("POST" for /match/default),
// comma-separated for an Allow header; "" when no route has that path (a
// 404, not a 405).
std::string AllowedMethods(std::string_view path);

// The least role a route needs beyond a valid key (viewer: reads and
// screens), and what it does, for the 403. /admin/ paths need an admin key:
// Server::Dispatch checks that prefix before any route.
struct RoleNeed {
  Role role;
  const char* what;
};
RoleNeed RequiredRole(RouteId id);

}  // namespace embargo::service
