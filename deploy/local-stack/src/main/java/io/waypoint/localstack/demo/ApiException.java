package io.waypoint.localstack.demo;

/** A service answered a request with an unexpected status: says which service, which endpoint and what it said. */
public final class ApiException extends RuntimeException {

    private final String service;
    private final String method;
    private final String path;
    private final int status;
    private final String body;

    public ApiException(String service, String method, String path, int status, String body) {
        super(service + " " + method + " " + path + " -> HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body));
        this.service = service;
        this.method = method;
        this.path = path;
        this.status = status;
        this.body = body;
    }

    public String service() {
        return service;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
