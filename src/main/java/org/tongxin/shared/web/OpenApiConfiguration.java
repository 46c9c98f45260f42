package org.tongxin.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1}: every operation needs a bearer token or a logged-in session unless it
 * declares an empty security requirement (public information such as the working calendar).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tongxinOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tongxin API")
                        .version("v1")
                        .description("Community correction: one case, every agency. Errors are RFC 9457 problems with a"
                                + " stable `code`; messages follow Accept-Language (zh-CN by default, en).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearerToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal or system API token (txp_… / txs_…)"))
                        .addSecuritySchemes(
                                "session",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("SESSION")
                                        .description("The browser session of a logged-in user (with the"
                                                + " X-CSRF-TOKEN header on changes)")))
                .security(List.of(
                        new SecurityRequirement().addList("bearerToken"),
                        new SecurityRequirement().addList("session")));
    }
}
