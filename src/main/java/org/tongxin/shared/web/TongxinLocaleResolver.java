package org.tongxin.shared.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Pages: the language cookie (set by {@code ?lang=} and from the user's saved preference at login), else Chinese —
 * never the browser's Accept-Language. API: Accept-Language, else Chinese.
 */
public class TongxinLocaleResolver extends CookieLocaleResolver {

    public TongxinLocaleResolver() {
        super(Languages.COOKIE);
        setDefaultLocale(Languages.CHINESE);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocaleFunction(request -> Languages.CHINESE);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator")) {
            String header = request.getHeader("Accept-Language");
            if (header != null && !header.isBlank()) {
                try {
                    for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                        Locale supported = Languages.parse(range.getRange());
                        if (supported != null) {
                            return supported;
                        }
                    }
                } catch (IllegalArgumentException malformed) {
                    return Languages.CHINESE;
                }
            }
            return Languages.CHINESE;
        }
        Locale locale = Languages.supported(super.resolveLocale(request));
        return locale != null ? locale : Languages.CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, Languages.supported(locale) != null ? Languages.supported(locale) : Languages.CHINESE);
    }
}
