package dev.skiff.agent.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.skiff.agent.deploy.DeployException;
import dev.skiff.agent.enroll.EnrollmentRefusedException;
import dev.skiff.agent.tls.OperatorCheck;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.protocols.api.ApiError;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches requests to routes. Authentication is decided here, once for every route, so no
 * endpoint can forget it: a route for operators refuses whom {@link OperatorCheck} refuses.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final List<Route> routes;
    private final BooleanSupplier enrolled;

    Router(List<Route> routes, BooleanSupplier enrolled) {
        this.routes = List.copyOf(routes);
        this.enrolled = enrolled;
    }

    List<Route> routes() {
        return routes;
    }

    @Override
    public void handle(HttpExchange http) {
        ApiExchange exchange = null;
        try (http) {
            String path = http.getRequestURI().getPath();
            Route route = null;
            Map<String, String> params = Map.of();
            boolean pathKnown = false;
            for (Route r : routes) {
                Optional<Map<String, String>> match = r.match(path);
                if (match.isPresent()) {
                    pathKnown = true;
                    if (r.method().equals(http.getRequestMethod())) {
                        route = r;
                        params = match.get();
                        break;
                    }
                }
            }
            exchange = new ApiExchange(http, params);
            try {
                if (route == null) {
                    throw pathKnown ? new ApiException(405, http.getRequestMethod() + " is not allowed on " + path)
                            : new ApiException(404, "no endpoint " + path);
                }
                if (route.operatorOnly()) {
                    authenticate(http);
                }
                route.endpoint().handle(exchange);
            } catch (Exception e) {
                fail(exchange, e);
            }
        }
    }

    private void authenticate(HttpExchange http) {
        OperatorCheck.refusal(http, enrolled.getAsBoolean()).ifPresent(reason -> {
            throw new ApiException(401, reason);
        });
    }

    private static void fail(ApiExchange exchange, Exception e) {
        int status = switch (e) {
            case ApiException a -> a.status();
            case EnrollmentRefusedException r -> 403;
            case IllegalArgumentException i -> 400;
            case ImageFormatException i -> 400;
            case IllegalStateException i -> 409;
            case DeployException d -> 409;
            default -> 500;
        };
        String message = status == 500 ? "internal error: " + e : e.getMessage();
        if (status == 500) {
            LOG.log(Level.WARNING, "API request failed", e);
        }
        if (exchange.responded()) {
            return; // a stream that broke off (the client went away); nothing left to tell it
        }
        try {
            exchange.json(status, new ApiError(message));
        } catch (IOException gone) {
            // the client has gone; nothing to tell
        }
    }
}
