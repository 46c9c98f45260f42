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
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages and message bundles. Each module keeps its texts in {@code i18n/<module>.properties} (Chinese, the
 * default) and {@code i18n/<module>_en.properties}; all bundles found on the class path are used.
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
        Arrays.stream(resources).map(Resource::getFilename).filter(name -> name != null && !name.contains("_"))
                .forEach(name -> basenames.add("classpath:i18n/" + name.substring(0, name.length() - ".properties".length())));
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheSeconds(-1);
        return source;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(Languages.PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
