#!/usr/bin/env python3
"""Writes a sample API Gateway v2 event: make-event.py NAME 'METHOD /path/{p}' '{"pathParam": "v"}' 'BODY-JSON' [auth]"""
import json, sys
name, route, params, body = sys.argv[1], sys.argv[2], json.loads(sys.argv[3] or '{}'), sys.argv[4]
auth = len(sys.argv) > 5 and sys.argv[5] == 'auth'
method, path = route.split(' ', 1)
raw = path
for k, v in params.items(): raw = raw.replace('{%s}' % k, v)
headers = {"user-agent": "curl/8"}
if body: headers["content-type"] = "application/json"
if auth: headers["authorization"] = "Bearer replace-with-a-session-token-from-login"
ev = {"version": "2.0", "routeKey": route, "rawPath": raw, "rawQueryString": "", "headers": headers,
      "requestContext": {"accountId": "123456789012", "apiId": "api", "domainName": "api.example.com", "domainPrefix": "api",
        "http": {"method": method, "path": raw, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.10", "userAgent": "curl/8"},
        "requestId": "sample-request-id", "routeKey": route, "stage": "$default", "time": "23/Nov/2026:10:00:00 +0000", "timeEpoch": 1795428000000},
      "isBase64Encoded": False}
if params: ev["pathParameters"] = params
if body: ev["body"] = body
json.dump(ev, open(f"events/http/{name}.json", "w"), indent=2, ensure_ascii=False)
open(f"events/http/{name}.json", "a").write("\n")
