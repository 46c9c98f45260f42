package org.tongxin.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Pages: the language cookie (set by {@code ?lang=} and from the user's saved preference at login), else Chinese —
 * never the browser's Accept-Language. API: Accept-Language, else Chinese. The cookie is {@code Secure} whenever the
 * request came over TLS, directly or through a proxy ({@code server.forward-headers-strategy}, doc/operations.md).
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
    public void setLocaleContext(
            HttpServletRequest request, HttpServletResponse response, LocaleContext localeContext) {
        super.setLocaleContext(
                request,
                response != null && request.isSecure() ? new SecureCookies(response) : response,
                localeContext);
    }

    /** Marks every cookie the resolver writes {@code Secure}. */
    static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        private static String secure(String name, String value) {
            boolean cookie = HttpHeaders.SET_COOKIE.equalsIgnoreCase(name);
            return cookie && value != null && !value.toLowerCase(Locale.ROOT).contains("; secure")
                    ? value + "; Secure"
                    : value;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(
                request,
                response,
                Languages.supported(locale) != null ? Languages.supported(locale) : Languages.CHINESE);
    }
}
