package dev.herald.adapter.http;

import dev.herald.domain.ConflictException;
import dev.herald.domain.InvalidInputException;
import dev.herald.domain.LimitExceededException;
import dev.herald.domain.LimitExceededException.Limit;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.UnauthorizedException;
import dev.herald.domain.UnavailableException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become the answers of docs/API.md §3. Unexpected ones are logged, never shown. */
final class JavalinErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(JavalinErrorMapping.class);
    static final String INTERNAL_ERROR = "Internal Server Error";
    /** Long enough for a pool queue to drain or a database restart to be noticed; short enough not to idle. */
    static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "2";

    private JavalinErrorMapping() {
    }

    static void register(JavalinConfig config) {
        var routes = config.routes;
        routes.exception(InvalidInputException.class,
                (e, ctx) -> Json.respond(ctx, 422, ValidationErrorBody.fromCore(e.violations())));
        routes.exception(InvalidRequestException.class,
                (e, ctx) -> Json.respond(ctx, 422, new ValidationErrorBody(e.problems())));
        answerWithMessage(routes, NotFoundException.class, 404);
        answerWithMessage(routes, ConflictException.class, 409);
        answerWithMessage(routes, UnauthorizedException.class, 401);
        answerWithMessage(routes, ForbiddenException.class, 403);
        answerWithMessage(routes, BodyTooLargeException.class, 413);
        // A limit of what one publish may send is about the request's size; the others about what exists.
        routes.exception(LimitExceededException.class, (e, ctx) -> Json.respond(ctx,
                e.limit() == Limit.EVENT_BYTES_TIMES_SUBSCRIBERS ? 413 : 409, new ErrorBody(e.getMessage())));
        routes.exception(TooManyRequestsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            Json.respond(ctx, 429, new ErrorBody(e.getMessage()));
        });
        routes.exception(UnavailableException.class, (e, ctx) -> {
            LOG.warn("Answered 503 to {} {}: {}", ctx.method(), ctx.path(), e.getCause().getMessage());
            ctx.header("Retry-After", UNAVAILABLE_RETRY_AFTER_SECONDS);
            Json.respond(ctx, 503, new ErrorBody(e.getMessage()));
        });
        // Javalin's own answers: unknown route (404), wrong method (405) and the like, with the standard reason.
        routes.exception(HttpResponseException.class, (e, ctx) ->
                Json.respond(ctx, e.getStatus(), new ErrorBody(HttpStatus.forStatus(e.getStatus()).getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            Json.respond(ctx, 500, new ErrorBody(INTERNAL_ERROR));
        });
        config.router.javaLangErrorHandler((response, error) -> {
            LOG.error("Unexpected error", error);
            try {
                response.setStatus(500);
                response.setContentType(Json.CONTENT_TYPE);
                response.getOutputStream().write(Json.bytes(new ErrorBody(INTERNAL_ERROR)));
            } catch (IOException | IllegalStateException e) {
                LOG.debug("Could not write the error answer", e);
            }
        });
    }

    /** Failures whose message is written for the caller ("Webhook not found"): {@code {"detail": message}}. */
    private static <E extends Exception> void answerWithMessage(RoutesConfig routes, Class<E> type, int status) {
        routes.exception(type, (e, ctx) -> Json.respond(ctx, status, new ErrorBody(e.getMessage())));
    }
}
