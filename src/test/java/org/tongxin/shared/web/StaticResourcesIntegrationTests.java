package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tongxin.support.IntegrationTest;

/** Static files travel compressed and are cached for a year under an address that changes with their content. */
@IntegrationTest
class StaticResourcesIntegrationTests {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:webjars|css|js|img)/[^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesLinkStaticFilesByAContentHashAndTheyAreCachedForAYear() throws Exception {
        String page = get("/login", false).body();
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(page);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets)
                .as("the layout's stylesheets, scripts and icon")
                .hasSizeGreaterThanOrEqualTo(4)
                .allMatch(path -> path.matches(".*-[0-9a-f]{32}\\.[a-z]+$"), "addressed by their content hash");
        for (String asset : assets) {
            HttpResponse<String> response = get(asset, false);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control"))
                    .as(asset)
                    .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
        }
    }

    @Test
    void largeScriptsTravelCompressed() throws Exception {
        HttpResponse<String> echarts = get("/webjars/echarts/echarts.min.js", true);
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<String> plain = get("/webjars/echarts/echarts.min.js", false);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(echarts.body().length())
                .as("compressed size")
                .isLessThan(plain.body().length() / 2);
    }

    private HttpResponse<String> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(
                request.build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
