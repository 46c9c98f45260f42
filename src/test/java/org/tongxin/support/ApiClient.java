package org.tongxin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON calls to {@code /api/v1} as a demo account (MockMvc, as if the account had logged in), for tests that carry a
 * case through the API: {@code api.as("cd.county").post("/api/v1/...", body).expect(200)}.
 */
public final class ApiClient {

    private final MockMvc mvc;
    private final Actors actors;
    private final JsonMapper json;

    public ApiClient(MockMvc mvc, Actors actors, JsonMapper json) {
        this.mvc = mvc;
        this.actors = actors;
        this.json = json;
    }

    public Caller as(String username) {
        return new Caller(username, null);
    }

    /** One account's calls; {@code language} is sent as Accept-Language when set. */
    public final class Caller {

        private final String username;
        private final String language;

        Caller(String username, String language) {
            this.username = username;
            this.language = language;
        }

        public Caller in(String acceptLanguage) {
            return new Caller(username, acceptLanguage);
        }

        public Response get(String path) {
            return perform(request(HttpMethod.GET, path));
        }

        /**
         * Every item of a paged list, page after page (size 100): lists shared with the rest of the test run (copies,
         * escalations) may hold more than one page by the time a test looks.
         */
        public java.util.List<JsonNode> items(String path) {
            java.util.List<JsonNode> all = new java.util.ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = get(path + (path.contains("?") ? "&" : "?") + "size=100&page=" + page)
                        .expect(200)
                        .body();
                body.get("items").forEach(all::add);
                if ((page + 1) * 100L >= body.get("total").asLong()) {
                    return all;
                }
            }
        }

        /** The caller's inbox line for a step of a case: it must be there, exactly once. */
        public JsonNode inboxLine(String caseId, String step) {
            JsonNode items = get("/api/v1/inbox?caseId=" + caseId + "&step=" + step)
                    .expect(200)
                    .body()
                    .get("items");
            assertThat(items).as("%s in the inbox of %s", step, username).hasSize(1);
            return items.get(0);
        }

        /** A step's obligation among the case's obligations as the caller sees them (the first instance). */
        public JsonNode obligation(String caseId, String step) {
            for (JsonNode o :
                    get("/api/v1/cases/" + caseId + "/obligations").expect(200).body()) {
                if (o.get("stepId").asString().equals(step)) {
                    return o;
                }
            }
            throw new AssertionError("no obligation " + step + " in case " + caseId + " for " + username);
        }

        public Response post(String path, Object body) {
            return perform(withBody(request(HttpMethod.POST, path), body));
        }

        public Response put(String path, Object body) {
            return perform(withBody(request(HttpMethod.PUT, path), body));
        }

        /** Any request, with this caller's login, CSRF token and language added. */
        public Response perform(AbstractMockHttpServletRequestBuilder<?> builder) {
            builder.with(actors.as(username)).with(csrf());
            if (language != null) {
                builder.header("Accept-Language", language);
            }
            try {
                MockHttpServletResponse response =
                        mvc.perform(builder).andReturn().getResponse();
                String text = response.getContentAsString(StandardCharsets.UTF_8);
                JsonNode body = text.isEmpty()
                                || response.getContentType() == null
                                || !response.getContentType().contains("json")
                        ? null
                        : json.readTree(text);
                return new Response(response.getStatus(), body, response);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder builder, Object body) {
            if (body == null) {
                return builder;
            }
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            return builder.contentType(MediaType.APPLICATION_JSON).content(text);
        }
    }

    /** A response: its status, its JSON body (null when none) and the raw response for headers and bytes. */
    public record Response(int status, JsonNode body, MockHttpServletResponse raw) {

        /** Asserts the status (showing the body when it differs) and returns the response. */
        public Response expect(int expected) {
            assertThat(status).as("status of a call answered with %s", body).isEqualTo(expected);
            return this;
        }

        public String text(String field) {
            return body.get(field).asString();
        }

        public int number(String field) {
            return body.get(field).asInt();
        }

        public String code() {
            return body == null || !body.has("code") ? null : body.get("code").asString();
        }
    }
}
