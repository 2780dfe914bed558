// The OpenAPI document is well-formed: version, info, every path has an
// operation with responses, and DocumentedRoutes mirrors its operations.
#include "service/openapi.h"

#include <gtest/gtest.h>

#include <set>

namespace embargo::service {
namespace {

const std::set<std::string> kMethods = {"get", "post", "put", "delete", "patch"};

TEST(OpenApiTest, IsOpenApi303WithEmbargoInfo) {
  const nlohmann::json& doc = OpenApiDocument();
  EXPECT_EQ(doc["openapi"], "3.0.3");
  EXPECT_EQ(doc["info"]["title"], "embargo");
  EXPECT_EQ(doc["info"]["version"], "0.1.0");
}

TEST(OpenApiTest, SurvivesASerialisationRoundTrip) {
  std::string text = OpenApiDocument().dump();
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(parsed.is_discarded());
  EXPECT_EQ(parsed, OpenApiDocument());
}

TEST(OpenApiTest, EveryPathHasAnOperationWithResponses) {
  const nlohmann::json& paths = OpenApiDocument()["paths"];
  ASSERT_FALSE(paths.empty());
  for (const auto& [path, operations] : paths.items()) {
    ASSERT_FALSE(operations.empty()) << path;
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_TRUE(kMethods.count(method)) << path << " " << method;
      EXPECT_TRUE(operation["responses"].is_object()) << path << " " << method;
      EXPECT_FALSE(operation["responses"].empty()) << path << " " << method;
      // Every operation can succeed, but GET /updatez (yente's: POST only).
      bool refused = operation["responses"].size() == 1 && operation["responses"].contains("405");
      EXPECT_TRUE(operation["responses"].contains("200") || refused) << path << " " << method;
    }
  }
}

TEST(OpenApiTest, PathParametersAreDeclaredAndRequired) {
  for (const auto& [path, operations] : OpenApiDocument()["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::set<std::string> declared;
      for (const auto& p : operation["parameters"]) {
        if (p["in"] == "path" && p["required"] == true) declared.insert(p["name"]);
      }
      for (size_t open = path.find('{'); open != std::string::npos;
           open = path.find('{', open + 1)) {
        std::string name = path.substr(open + 1, path.find('}', open) - open - 1);
        EXPECT_TRUE(declared.count(name)) << path << " " << method << " " << name;
      }
    }
  }
}

TEST(OpenApiTest, EveryReferenceResolves) {
  const nlohmann::json& doc = OpenApiDocument();
  std::vector<const nlohmann::json*> stack = {&doc};
  int refs = 0;
  while (!stack.empty()) {
    const nlohmann::json* node = stack.back();
    stack.pop_back();
    if (node->is_object() && node->contains("$ref")) {
      std::string ref = (*node)["$ref"];
      ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
      EXPECT_TRUE(doc.contains(nlohmann::json::json_pointer(ref.substr(1)))) << ref;
      ++refs;
    }
    if (node->is_structured()) {
      for (const auto& child : *node) stack.push_back(&child);
    }
  }
  EXPECT_GT(refs, 10);
}

TEST(OpenApiTest, ApiKeySchemeIsTheAuthorizationHeader) {
  const nlohmann::json& doc = OpenApiDocument();
  const nlohmann::json& scheme = doc["components"]["securitySchemes"]["ApiKey"];
  EXPECT_EQ(scheme["type"], "apiKey");
  EXPECT_EQ(scheme["in"], "header");
  EXPECT_EQ(scheme["name"], "Authorization");
  EXPECT_EQ(doc["paths"]["/healthz"]["get"]["security"], nlohmann::json::array());
  EXPECT_EQ(doc["paths"]["/readyz"]["get"]["security"], nlohmann::json::array());
}

TEST(OpenApiTest, MatchDocumentsItsBodyParametersAndErrors) {
  const nlohmann::json& match = OpenApiDocument()["paths"]["/match/{dataset}"]["post"];
  std::set<std::string> params;
  for (const auto& p : match["parameters"]) params.insert(p["name"]);
  EXPECT_EQ(params,
            (std::set<std::string>{"dataset", "threshold", "cutoff", "limit", "algorithm",
                                   "include_dataset", "exclude_dataset", "exclude_schema", "topics",
                                   "exclude_entity_ids", "date_order", "changed_since"}));
  std::set<std::string> codes;
  for (const auto& [code, reply] : match["responses"].items()) codes.insert(code);
  EXPECT_EQ(codes, (std::set<std::string>{"200", "400", "401", "403", "404", "413", "429"}));
  EXPECT_TRUE(match["requestBody"]["required"]);
  // Each response entry says how its query was read.
  const nlohmann::json& entry =
      OpenApiDocument()["components"]["schemas"]["MatchResponse"]["properties"]["responses"]
                       ["additionalProperties"]["properties"];
  for (const char* key : {"status", "results", "total", "query", "warnings", "detail"})
    EXPECT_TRUE(entry.contains(key)) << key;
}

TEST(OpenApiTest, MatchAndSearchDocumentTheFiltersTheyShare) {
  for (const char* path : {"/match/{dataset}", "/search/{dataset}"}) {
    const nlohmann::json& paths = OpenApiDocument()["paths"][path];
    const nlohmann::json& op = paths.contains("post") ? paths["post"] : paths["get"];
    std::set<std::string> params;
    for (const auto& p : op["parameters"]) params.insert(p["name"]);
    for (const char* name :
         {"include_dataset", "exclude_dataset", "exclude_schema", "topics", "changed_since"})
      EXPECT_TRUE(params.count(name)) << path << " " << name;
  }
}

TEST(OpenApiTest, CatalogIsConditional) {
  const nlohmann::json& op = OpenApiDocument()["paths"]["/catalog"]["get"];
  ASSERT_EQ(op["parameters"].size(), 1u);
  EXPECT_EQ(op["parameters"][0]["name"], "If-None-Match");
  EXPECT_EQ(op["parameters"][0]["in"], "header");
  EXPECT_TRUE(op["responses"].contains("304"));
  EXPECT_FALSE(op["responses"]["304"].contains("content"));
}

TEST(OpenApiTest, MetricsIsPlainText) {
  const nlohmann::json& ok = OpenApiDocument()["paths"]["/metrics"]["get"]["responses"]["200"];
  EXPECT_TRUE(ok["content"].contains("text/plain"));
}

TEST(OpenApiTest, DocumentedRoutesListsEveryOperation) {
  using Route = std::pair<std::string, std::string>;
  std::vector<Route> routes = DocumentedRoutes();
  std::set<Route> unique(routes.begin(), routes.end());
  EXPECT_EQ(unique, (std::set<Route>{{"POST", "/match/{dataset}"},
                                     {"POST", "/updatez"},
                                     {"GET", "/manifest"},
                                     {"GET", "/updatez"},
                                     {"POST", "/payments/screen"},
                                     {"GET", "/search/{dataset}"},
                                     {"GET", "/entities/{id}"},
                                     {"GET", "/alerts"},
                                     {"GET", "/alerts/{id}"},
                                     {"POST", "/alerts/{id}/decision"},
                                     {"POST", "/alerts/{id}/review"},
                                     {"POST", "/alerts/{id}/assign"},
                                     {"GET", "/screenings"},
                                     {"GET", "/screenings/{id}"},
                                     {"GET", "/screenings/{id}/certificate"},
                                     {"GET", "/gaps"},
                                     {"GET", "/audit"},
                                     {"POST", "/audit/verify"},
                                     {"GET", "/whoami"},
                                     {"GET", "/versions"},
                                     {"GET", "/versions/{id}/diff"},
                                     {"GET", "/history/{id}"},
                                     {"GET", "/ui"},
                                     {"GET", "/ui/{file}"},
                                     {"GET", "/catalog"},
                                     {"GET", "/algorithms"},
                                     {"GET", "/healthz"},
                                     {"GET", "/readyz"},
                                     {"GET", "/metrics"},
                                     {"GET", "/openapi.json"},
                                     {"POST", "/admin/reload"},
                                     {"GET", "/reconcile/{dataset}"},
                                     {"POST", "/reconcile/{dataset}"},
                                     {"GET", "/reconcile/{dataset}/suggest/entity"},
                                     {"GET", "/reconcile/{dataset}/suggest/type"},
                                     {"GET", "/reconcile/{dataset}/suggest/property"},
                                     {"GET", "/reconcile/{dataset}/extend/property"},
                                     {"GET", "/reconcile/{dataset}/preview"}}));
  EXPECT_EQ(routes.size(), unique.size());
}

}  // namespace
}  // namespace embargo::service
