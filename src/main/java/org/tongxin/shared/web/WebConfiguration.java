package org.tongxin.shared.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Languages, message bundles and static files. Each module keeps its texts in {@code i18n/<module>.properties}
 * (Chinese, the default) and {@code i18n/<module>_en.properties}; all bundles found on the class path are used.
 * Static files are served from their own folders only (see {@link #addResourceHandlers}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new TongxinLocaleResolver();
    }

    @Bean
    MessageSource messageSource() throws IOException {
        TreeSet<String> basenames = new TreeSet<>();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        Arrays.stream(resources)
                .map(Resource::getFilename)
                .filter(name -> name != null && !name.contains("_"))
                .forEach(name ->
                        basenames.add("classpath:i18n/" + name.substring(0, name.length() - ".properties".length())));
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheSeconds(-1);
        return source;
    }

    /**
     * Static files under an address that carries a hash of their content, so a browser may keep them for a year (a
     * changed file has another address): {@code /css}, {@code /js}, {@code /img} from {@code static/}, and the web
     * jars. Only these folders: with Spring Boot's default mapping of {@code /**}, every link a page builds
     * ({@code @{/cases/…}}) was first looked up as a static file on the whole class path to find its hashed address —
     * a third of the inbox page's time (doc/performance.md).
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl year = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic();
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(year)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        // The version-agnostic web jar addresses (/webjars/bootstrap/...) resolve through webjars-locator-lite, which
        // the resource chain adds by itself.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(year)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(Languages.PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
