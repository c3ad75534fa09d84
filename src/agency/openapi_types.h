// Small builders for OpenAPI (JSON Schema) fragments, shared by the agency's schema files.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace concord::agency::openapi_types {

using nlohmann::json;

inline json Str() { return {{"type", "string"}}; }
inline json NullableStr() { return {{"type", {"string", "null"}}}; }
inline json NullableInt() { return {{"type", {"integer", "null"}}}; }
inline json Int() { return {{"type", "integer"}}; }
inline json Bool() { return {{"type", "boolean"}}; }
inline json Amount() { return {{"type", "string"}, {"description", "decimal amount, e.g. \"1730.00\""}}; }
inline json Enum(std::vector<std::string> values) { return {{"type", "string"}, {"enum", values}}; }
inline json Array(json item) { return {{"type", "array"}, {"items", std::move(item)}}; }
inline json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }
inline json Object(json properties) { return {{"type", "object"}, {"properties", std::move(properties)}}; }

}  // namespace concord::agency::openapi_types
