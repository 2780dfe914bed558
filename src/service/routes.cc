#include "service/routes.h"

namespace embargo::service {
namespace {

constexpr Route kRoutes[] = {
    {RouteId::kMatch, "POST", "/match/{dataset}", "/match"},
    {RouteId::kSearch, "GET", "/search/{dataset}", "/search"},
    {RouteId::kEntity, "GET", "/entities/{id}", "/entities", Capture::kRest},
    {RouteId::kCatalog, "GET", "/catalog", "/catalog"},
    {RouteId::kAlgorithms, "GET", "/algorithms", "/algorithms"},
    {RouteId::kHealth, "GET", "/healthz", "/healthz"},
    {RouteId::kReady, "GET", "/readyz", "/readyz"},
    {RouteId::kMetrics, "GET", "/metrics", "/metrics"},
    {RouteId::kOpenApi, "GET", "/openapi.json", "/openapi.json"},
    {RouteId::kReload, "POST", "/admin/reload", "/admin/reload"},
    {RouteId::kUpdate, "POST", "/updatez", "/updatez"},
    {RouteId::kManifest, "GET", "/manifest", "/manifest"},
    {RouteId::kUpdateGet, "GET", "/updatez", "/updatez"},
    {RouteId::kAlerts, "GET", "/alerts", "/alerts"},
    {RouteId::kAlert, "GET", "/alerts/{id}", "/alerts/{id}", Capture::kDigits},
    {RouteId::kPaymentsScreen, "POST", "/payments/screen", "/payments/screen"},
    {RouteId::kAlertDecision, "POST", "/alerts/{id}/decision", "/alerts/{id}/decision",
     Capture::kDigits},
    {RouteId::kAlertReview, "POST", "/alerts/{id}/review", "/alerts/{id}/review", Capture::kDigits},
    {RouteId::kAlertAssign, "POST", "/alerts/{id}/assign", "/alerts/{id}/assign", Capture::kDigits},
    {RouteId::kScreenings, "GET", "/screenings", "/screenings"},
    {RouteId::kScreening, "GET", "/screenings/{id}", "/screenings/{id}", Capture::kDigits},
    {RouteId::kScreeningCertificate, "GET", "/screenings/{id}/certificate",
     "/screenings/{id}/certificate", Capture::kDigits},
    {RouteId::kGaps, "GET", "/gaps", "/gaps"},
    {RouteId::kAudit, "GET", "/audit", "/audit"},
    {RouteId::kAuditVerify, "POST", "/audit/verify", "/audit/verify"},
    {RouteId::kWhoAmI, "GET", "/whoami", "/whoami"},
    {RouteId::kVersions, "GET", "/versions", "/versions"},
    {RouteId::kVersionDiff, "GET", "/versions/{id}/diff", "/versions/{id}/diff", Capture::kDigits},
    {RouteId::kEntityHistory, "GET", "/history/{id}", "/history", Capture::kRest},
    {RouteId::kUi, "GET", "/ui", "/ui"},
    {RouteId::kUi, "GET", "/ui/{file}", "/ui"},
    {RouteId::kReconcile, "GET", "/reconcile/{dataset}", "/reconcile"},
    {RouteId::kReconcile, "POST", "/reconcile/{dataset}", "/reconcile"},
    {RouteId::kReconcileSuggestEntity, "GET", "/reconcile/{dataset}/suggest/entity",
     "/reconcile/suggest/entity"},
    {RouteId::kReconcileSuggestType, "GET", "/reconcile/{dataset}/suggest/type",
     "/reconcile/suggest/type"},
    {RouteId::kReconcileSuggestProperty, "GET", "/reconcile/{dataset}/suggest/property",
     "/reconcile/suggest/property"},
    {RouteId::kReconcileExtendProperty, "GET", "/reconcile/{dataset}/extend/property",
     "/reconcile/extend/property"},
    {RouteId::kReconcilePreview, "GET", "/reconcile/{dataset}/preview", "/reconcile/preview"},
};

// Matches `path` against a template; fills `captured` with the placeholder.
bool MatchPath(const Route& route, std::string_view path, std::string& captured) {
  std::string_view pattern = route.path;
  size_t open = pattern.find('{');
  if (open == std::string_view::npos) return path == pattern;
  size_t close = pattern.find('}', open);
  std::string_view prefix = pattern.substr(0, open), suffix = pattern.substr(close + 1);
  if (path.size() <= prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
      path.substr(path.size() - suffix.size()) != suffix) {
    return false;
  }
  std::string_view value = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  bool ok = route.capture == Capture::kRest ? true
            : route.capture == Capture::kDigits
                ? value.find_first_not_of("0123456789") == std::string_view::npos
                : value.find('/') == std::string_view::npos;
  if (ok) captured = value;
  return ok;
}

}  // namespace

std::span<const Route> Routes() { return kRoutes; }

const Route* FindRoute(std::string_view method, std::string_view path, std::string& captured) {
  if (method == "HEAD") method = "GET";
  for (const Route& route : kRoutes) {
    if (method == route.method && MatchPath(route, path, captured)) return &route;
  }
  return nullptr;
}

std::string AllowedMethods(std::string_view path) {
  std::string allowed;
  std::string unused;
  for (const Route& route : kRoutes) {
    if (!MatchPath(route, path, unused)) continue;
    std::string_view method = route.method;
    if (allowed.find(method) != std::string::npos) continue;
    if (!allowed.empty()) allowed += ", ";
    allowed += method;
    if (method == "GET") allowed += ", HEAD";
  }
  return allowed;
}

RoleNeed RequiredRole(RouteId id) {
  switch (id) {
    case RouteId::kAlertDecision: return {Role::kAnalyst, "deciding an alert"};
    case RouteId::kAlertReview: return {Role::kReviewer, "reviewing another's decision"};
    case RouteId::kAlertAssign: return {Role::kAnalyst, "assigning an alert"};
    case RouteId::kAudit:
    case RouteId::kAuditVerify: return {Role::kReviewer, "reading the audit trail"};
    default: return {Role::kViewer, ""};
  }
}

}  // namespace embargo::service
