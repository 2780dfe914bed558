// The route table: which (method, path) reaches which endpoint, what a
// placeholder captures, and the role each endpoint needs.
#include "service/routes.h"

#include <gtest/gtest.h>

#include <set>

namespace embargo::service {
namespace {

RouteId Found(std::string_view method, std::string_view path, std::string* captured = nullptr) {
  std::string value;
  const Route* route = FindRoute(method, path, value);
  EXPECT_NE(route, nullptr) << method << " " << path;
  if (captured != nullptr) *captured = value;
  return route ? route->id : RouteId::kHealth;
}

TEST(RoutesTest, PathsReachTheirEndpointsWithWhatThePlaceholderMatches) {
  std::string captured;
  EXPECT_EQ(Found("POST", "/match/default", &captured), RouteId::kMatch);
  EXPECT_EQ(captured, "default");
  EXPECT_EQ(Found("GET", "/entities/us_ofac_sdn-10392", &captured), RouteId::kEntity);
  EXPECT_EQ(Found("GET", "/history/a/b", &captured), RouteId::kEntityHistory);
  EXPECT_EQ(captured, "a/b") << "the rest of the path: ids may hold slashes";
  EXPECT_EQ(Found("GET", "/alerts/17", &captured), RouteId::kAlert);
  EXPECT_EQ(captured, "17");
  EXPECT_EQ(Found("POST", "/alerts/17/review"), RouteId::kAlertReview);
  EXPECT_EQ(Found("GET", "/versions/3/diff"), RouteId::kVersionDiff);
  EXPECT_EQ(Found("HEAD", "/ui"), RouteId::kUi) << "HEAD is answered as GET";
  EXPECT_EQ(Found("GET", "/ui/app.js", &captured), RouteId::kUi);
  EXPECT_EQ(captured, "app.js");

  std::string unused;
  EXPECT_EQ(FindRoute("GET", "/alerts/abc", unused), nullptr) << "an alert id is digits";
  EXPECT_EQ(FindRoute("GET", "/alerts/", unused), nullptr);
  EXPECT_EQ(FindRoute("GET", "/ui/a/b.js", unused), nullptr) << "one segment, no folders";
  EXPECT_EQ(FindRoute("DELETE", "/alerts/17", unused), nullptr);
  EXPECT_EQ(FindRoute("GET", "/match/default", unused), nullptr) << "match is POST";
}

// A path answered with another method is a 405 naming the methods (a new
// user's trial: GET /match/default and POST-only /audit/verify were 404s).
TEST(RoutesTest, APathKnowsTheMethodsItIsAnsweredWith) {
  EXPECT_EQ(AllowedMethods("/match/default"), "POST");
  EXPECT_EQ(AllowedMethods("/audit/verify"), "POST");
  EXPECT_EQ(AllowedMethods("/alerts/17"), "GET, HEAD");
  EXPECT_EQ(AllowedMethods("/nowhere"), "");
  EXPECT_EQ(AllowedMethods("/alerts/abc"), "");
}

TEST(RoutesTest, EveryRouteIsDistinctAndDecisionsNeedTheirRoles) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const Route& route : Routes()) {
    EXPECT_TRUE(seen.emplace(route.method, route.path).second) << route.method << " " << route.path;
  }
  EXPECT_EQ(RequiredRole(RouteId::kMatch).role, Role::kViewer);
  EXPECT_EQ(RequiredRole(RouteId::kAlerts).role, Role::kViewer);
  EXPECT_EQ(RequiredRole(RouteId::kAlertDecision).role, Role::kAnalyst);
  EXPECT_EQ(RequiredRole(RouteId::kAlertReview).role, Role::kReviewer);
  EXPECT_EQ(RequiredRole(RouteId::kAudit).role, Role::kReviewer);
  EXPECT_EQ(RequiredRole(RouteId::kAuditVerify).role, Role::kReviewer);
}

}  // namespace
}  // namespace embargo::service
